import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHashingStats } from '@/server/auth/password-hash';
import { RATE_LIMITS } from '@/server/auth/rate-limit';
import { callerFor, countRows, registerCompany } from '../support/callers';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const PASSWORD = 'kettle-orbit-9';
const codeOf = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === 'fulfilled' ? 'OK' : (outcome.reason as { code: string }).code;
const tally = (codes: string[]) => codes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});

describe('public mutations that set a password', () => {
  it('a flood of made-up reset tokens costs no bcrypt work, is limited per IP, and a signed-in read is answered meanwhile', async () => {
    const { caller: signedIn } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const anon = callerFor(t.db, null, undefined, '203.0.113.50');
    const before = passwordHashingStats().completed;
    const flood = Array.from({ length: 24 }, (_, i) => anon.auth.resetPassword({ token: `made-up-token-${i}`, password: PASSWORD }));
    const read = signedIn.company.me();
    const [outcomes, company] = await Promise.all([Promise.allSettled(flood), read]);
    expect(company.companyType).toBe('CLIENT');
    expect(tally(outcomes.map(codeOf))).toEqual({
      BAD_REQUEST: RATE_LIMITS.resetUseIp.limit,
      TOO_MANY_REQUESTS: 24 - RATE_LIMITS.resetUseIp.limit,
    });
    expect(passwordHashingStats().completed).toBe(before);
  });

  it('one token is tried at most a few times, from any number of addresses', async () => {
    const outcomes = [];
    for (let i = 0; i <= RATE_LIMITS.invitationUseToken.limit; i++) {
      const anon = callerFor(t.db, null, undefined, `198.51.100.${i}`);
      outcomes.push(codeOf((await Promise.allSettled([anon.auth.acceptInvitation({ token: 'one-guessed-token', password: PASSWORD })]))[0]!));
    }
    expect(outcomes.slice(0, -1).every((c) => c === 'BAD_REQUEST')).toBe(true);
    expect(outcomes.at(-1)).toBe('TOO_MANY_REQUESTS');
  });

  it('made-up invitation tokens cost no bcrypt work and are limited per IP', async () => {
    const anon = callerFor(t.db, null, undefined, '203.0.113.51');
    const before = passwordHashingStats().completed;
    const outcomes = await Promise.allSettled(
      Array.from({ length: RATE_LIMITS.invitationUseIp.limit + 2 }, (_, i) => anon.auth.acceptInvitation({ token: `nope-${i}`, password: PASSWORD })),
    );
    expect(tally(outcomes.map(codeOf))).toEqual({ BAD_REQUEST: RATE_LIMITS.invitationUseIp.limit, TOO_MANY_REQUESTS: 2 });
    expect(passwordHashingStats().completed).toBe(before);
  });

  it('sign-up with a taken address is refused before hashing, and sign-ups are limited per address and per IP', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const before = passwordHashingStats().completed;
    const anon = callerFor(t.db, null, undefined, '203.0.113.52');
    const input = { companyType: 'CLIENT' as const, companyName: 'Copycat', password: PASSWORD };
    const taken = [];
    // The successful sign-up above was the address's first counted attempt.
    for (let i = 1; i <= RATE_LIMITS.registerEmail.limit; i++) {
      taken.push(codeOf((await Promise.allSettled([anon.auth.register({ ...input, email })]))[0]!));
    }
    expect(taken).toEqual([...Array(RATE_LIMITS.registerEmail.limit - 1).fill('CONFLICT'), 'TOO_MANY_REQUESTS']);
    expect(passwordHashingStats().completed).toBe(before);

    const companies = await countRows(t.db, 'companies');
    const spree = callerFor(t.db, null, undefined, '203.0.113.53');
    const created = [];
    for (let i = 0; i <= RATE_LIMITS.registerIp.limit; i++) {
      created.push(codeOf((await Promise.allSettled([spree.auth.register({ ...input, email: `spree-${i}@example.test` })]))[0]!));
    }
    expect(created).toEqual([...Array(RATE_LIMITS.registerIp.limit).fill('OK'), 'TOO_MANY_REQUESTS']);
    expect(await countRows(t.db, 'companies')).toBe(companies + RATE_LIMITS.registerIp.limit);
  });
});
