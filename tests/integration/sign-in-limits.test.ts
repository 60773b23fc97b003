import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptSignIn } from '@/server/auth/credentials';
import { consumeRateLimit, RATE_LIMITS } from '@/server/auth/rate-limit';
import { registerCompany } from '../support/callers';
import { plusSeconds } from '../support/sessions';
import { createTestDb, onPostgres, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const PASSWORD = 'correct horse battery';
const start = new Date('2030-06-01T10:00:00Z');

describe('sign-in brute-force limits', () => {
  it('5 failures lock the account for the window (even the right password), then it opens again', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const ip = '203.0.113.10';
    for (let i = 0; i < 5; i++) {
      expect(await attemptSignIn(t.db, { email, password: 'wrong guess', ip, now: plusSeconds(start, i) })).toEqual({
        status: 'invalid',
      });
    }
    const limited = await attemptSignIn(t.db, { email, password: PASSWORD, ip, now: plusSeconds(start, 60) });
    expect(limited).toMatchObject({ status: 'limited' });
    if (limited.status === 'limited') expect(limited.retryAfterSeconds).toBe(15 * 60 - 60);
    // Another address does not help: the account counter is per email.
    expect(await attemptSignIn(t.db, { email: email.toUpperCase(), password: PASSWORD, ip: '198.51.100.7', now: plusSeconds(start, 61) })).toMatchObject({
      status: 'limited',
    });
    const ok = await attemptSignIn(t.db, { email, password: PASSWORD, ip, now: plusSeconds(start, 15 * 60) });
    expect(ok).toMatchObject({ status: 'ok', user: { email } });
  });

  it('a success clears the account counter', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    for (let i = 0; i < 4; i++) await attemptSignIn(t.db, { email, password: 'nope nope', now: start });
    expect(await attemptSignIn(t.db, { email, password: PASSWORD, now: start })).toMatchObject({ status: 'ok' });
    for (let i = 0; i < 5; i++) {
      expect(await attemptSignIn(t.db, { email, password: 'nope nope', now: start })).toEqual({ status: 'invalid' });
    }
    expect(await attemptSignIn(t.db, { email, password: PASSWORD, now: start })).toMatchObject({ status: 'limited' });
  });

  it('an unknown account is limited the same way (the answer does not reveal existence)', async () => {
    const email = 'no-such-user@example.test';
    for (let i = 0; i < 5; i++) expect(await attemptSignIn(t.db, { email, password: 'x-guess-x', now: start })).toEqual({ status: 'invalid' });
    expect(await attemptSignIn(t.db, { email, password: 'x-guess-x', now: start })).toMatchObject({ status: 'limited' });
  });

  it('one address spraying many accounts is limited per IP; other addresses are not', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CATERING' });
    const ip = '192.0.2.99';
    for (let i = 0; i < RATE_LIMITS.signInIp.limit; i++) {
      await attemptSignIn(t.db, { email: `victim${i}@example.test`, password: 'Summer2030!', ip, now: start });
    }
    expect(await attemptSignIn(t.db, { email, password: PASSWORD, ip, now: start })).toMatchObject({ status: 'limited' });
    expect(await attemptSignIn(t.db, { email, password: PASSWORD, ip: '192.0.2.100', now: start })).toMatchObject({ status: 'ok' });
  });

  it('parallel attempts cannot slip past the limit: the counter is one atomic upsert', async () => {
    const subject = `parallel-${Date.now()}@example.test`;
    const results = await Promise.all(
      Array.from({ length: onPostgres ? 15 : 8 }, () => consumeRateLimit(t.db, { rule: RATE_LIMITS.signInAccount, subject, now: start })),
    );
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(results.map((_, i) => i + 1));
    expect(results.filter((r) => !r.limited)).toHaveLength(RATE_LIMITS.signInAccount.limit);
  });
});
