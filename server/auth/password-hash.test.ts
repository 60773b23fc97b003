import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/server/env-schema';
import { env } from '@/server/env';
import { hashPassword, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('uses bcrypt at the configured cost and verifies', async () => {
    const hash = await hashPassword('kettle-orbit-9');
    expect(hash).toMatch(new RegExp(`^\\$2[aby]\\$${String(env.BCRYPT_COST).padStart(2, '0')}\\$`));
    expect(await verifyPassword('kettle-orbit-9', hash)).toBe(true);
    expect(await verifyPassword('kettle-orbit-8', hash)).toBe(false);
  });

  it('the configuration refuses a cost below 10 and defaults to 12', () => {
    expect(() => parseEnv({ BCRYPT_COST: '9' })).toThrow(/BCRYPT_COST: must be at least 10/);
    expect(parseEnv({}).BCRYPT_COST).toBe(12);
    expect(parseEnv({ BCRYPT_COST: '11' }).BCRYPT_COST).toBe(11);
  });
});
