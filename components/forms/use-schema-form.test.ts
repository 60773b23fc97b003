import { zodResolver } from '@hookform/resolvers/zod';
import { describe, expect, it } from 'vitest';
import { changePasswordInput, signInInput, withRepeatedPassword } from '@/lib/schemas/auth';
import { lazySchemaResolver } from './use-schema-form';

const options = { fields: {}, names: [], shouldUseNativeValidation: false, criteriaMode: 'firstError' as const };

describe('lazySchemaResolver', () => {
  it('answers what zod’s resolver answers on the schema it loads', async () => {
    const changePassword = withRepeatedPassword(changePasswordInput, 'newPassword');
    const cases = [
      [signInInput, { email: '', password: '' }],
      [signInInput, { email: 'ada@example.com', password: 'secret' }],
      [changePassword, { currentPassword: 'old one', newPassword: 'a long new password', repeat: 'another' }],
    ] as const;
    for (const [schema, values] of cases) {
      const lazy = await lazySchemaResolver(async () => schema)(values as never, undefined, options);
      expect(lazy).toEqual(await zodResolver(schema)(values as never, undefined, options));
    }
    const refused = await lazySchemaResolver(async () => changePassword)(cases[2][1], undefined, options);
    expect(refused.errors.repeat?.message).toBe('The two passwords do not match.');
  });
});
