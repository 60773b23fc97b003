import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { outboxEvents, passwordResetTokens, refreshTokens, users } from '@/db/schema';
import { checkCredentials } from '@/server/auth/credentials';
import { validateSession } from '@/server/auth/sessions';
import { hashToken } from '@/server/auth/tokens';
import { RESET_REQUESTED_MESSAGE } from '@/server/services/password-reset';
import { callerFor, countRows, registerCompany, type Clock } from '../support/callers';
import { plusSeconds, signInAs, trpcCode } from '../support/sessions';
import { linkTokenOf } from '../support/link-tokens';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const PASSWORD = 'correct horse battery';

async function requestLink(email: string, clock: Clock) {
  const before = await t.db.select({ id: outboxEvents.id }).from(outboxEvents);
  const answer = await callerFor(t.db, null, clock).auth.requestPasswordReset({ email });
  const events = await t.db
    .select()
    .from(outboxEvents)
    .where(eq(outboxEvents.eventType, 'auth.password_reset_requested'));
  const fresh = events.filter((e) => !before.some((b) => b.id === e.id));
  return { answer, fresh, token: fresh[0] ? linkTokenOf('password-reset', fresh[0]) : undefined };
}

async function passwordHashOf(email: string) {
  const [row] = await t.db.select({ h: users.passwordHash }).from(users).where(eq(users.email, email));
  return row!.h;
}

describe('password reset', () => {
  it('a known email gets a 15-minute token by email (outbox, same answer as unknown); reset revokes every session', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const clock: Clock = { now: new Date('2030-02-01T08:00:00Z') };
    const s1 = await signInAs(t.db, email, clock);
    const s2 = await signInAs(t.db, email, clock);

    const { answer, fresh, token } = await requestLink(email.toUpperCase(), clock);
    expect(answer).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(fresh).toHaveLength(1);
    // No secret in the event: the mail handler derives the link's token from the row id.
    expect(fresh[0]!.payload).toEqual({ email });
    const [row] = await t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, hashToken(token!)));
    expect(row!.expiresAt.getTime() - clock.now.getTime()).toBe(15 * 60 * 1000);

    clock.now = plusSeconds(clock.now, 14 * 60);
    await callerFor(t.db, null, clock).auth.resetPassword({ token: token!, password: 'kettle-orbit-9' });
    expect(await checkCredentials(t.db, email, 'kettle-orbit-9')).not.toBeNull();
    expect(await checkCredentials(t.db, email, PASSWORD)).toBeNull();
    for (const s of [s1, s2]) expect(await validateSession(t.db, { id: s.issued.id, now: clock.now })).toBeNull();
    // It does not sign in: no new session row.
    expect(await signedInSessions(s1.session.userId)).toBe(0);

    // Single use.
    const hash = await passwordHashOf(email);
    const reuse = await callerFor(t.db, null, clock)
      .auth.resetPassword({ token: token!, password: 'another-good-one-7' })
      .catch((e: Error & { code: string }) => e);
    expect((reuse as { code: string }).code).toBe('BAD_REQUEST');
    expect((reuse as Error).message).toMatch(/already been used/);
    expect(await passwordHashOf(email)).toBe(hash);
  });

  it('an unknown email gets the same answer and writes no token and no event', async () => {
    const clock: Clock = { now: new Date('2030-02-01T08:00:00Z') };
    const tokensBefore = await countRows(t.db, 'password_reset_tokens');
    const eventsBefore = await countRows(t.db, 'outbox_events');
    const { answer } = await requestLink('nobody-here@example.test', clock);
    expect(answer).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(await countRows(t.db, 'password_reset_tokens')).toBe(tokensBefore);
    expect(await countRows(t.db, 'outbox_events')).toBe(eventsBefore);
  });

  it('an expired, unknown or superseded token is refused with a clear message and nothing changes', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CATERING' });
    const clock: Clock = { now: new Date('2030-02-01T08:00:00Z') };
    const s = await signInAs(t.db, email, clock);
    const { token: old } = await requestLink(email, clock);
    const { token } = await requestLink(email, clock);
    const hash = await passwordHashOf(email);
    const anon = () => callerFor(t.db, null, clock);
    const refusal = (tk: string) =>
      anon()
        .auth.resetPassword({ token: tk, password: 'kettle-orbit-9' })
        .then(
          () => null,
          (e: Error & { code: string }) => [e.code, e.message],
        );

    expect(await refusal(old!)).toEqual(['BAD_REQUEST', expect.stringMatching(/already been used/)]);
    expect(await refusal('made-up-token')).toEqual(['BAD_REQUEST', expect.stringMatching(/not valid/)]);
    clock.now = plusSeconds(clock.now, 15 * 60);
    expect(await refusal(token!)).toEqual(['BAD_REQUEST', expect.stringMatching(/expired/)]);

    expect(await passwordHashOf(email)).toBe(hash);
    expect(await validateSession(t.db, { id: s.issued.id, now: clock.now })).not.toBeNull();
    const [row] = await t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, hashToken(token!)));
    expect(row!.usedAt).toBeNull();
  });

  it('the new password must follow the policy', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const clock: Clock = { now: new Date('2030-02-01T08:00:00Z') };
    const { token } = await requestLink(email, clock);
    expect(await trpcCode(callerFor(t.db, null, clock).auth.resetPassword({ token: token!, password: 'iloveyou' }))).toBe(
      'BAD_REQUEST',
    );
    const [row] = await t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, hashToken(token!)));
    expect(row!.usedAt).toBeNull();
  });

  it('reset requests are limited per email (same answer whether it exists) and the limit ends with its window', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const clock: Clock = { now: new Date('2030-02-01T08:00:00Z') };
    for (const target of [email, 'ghost-account@example.test']) {
      const caller = callerFor(t.db, null, clock);
      for (let i = 0; i < 5; i++) await caller.auth.requestPasswordReset({ email: target });
      const limited = await caller.auth.requestPasswordReset({ email: target }).catch((e: Error & { code: string }) => e);
      expect((limited as { code: string }).code).toBe('TOO_MANY_REQUESTS');
      expect((limited as Error).message).toMatch(/Too many reset requests/);
    }
    const tokens = await t.db
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.email, email));
    expect(tokens).toHaveLength(5);
    clock.now = plusSeconds(clock.now, 15 * 60);
    expect(await callerFor(t.db, null, clock).auth.requestPasswordReset({ email })).toEqual({ message: RESET_REQUESTED_MESSAGE });
  });
});

async function signedInSessions(userId: string) {
  const rows = await t.db
    .select()
    .from(refreshTokens)
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
  return rows.length;
}
