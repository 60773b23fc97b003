import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { refreshTokens, users } from '@/db/schema';
import { checkCredentials } from '@/server/auth/credentials';
import {
  createSession,
  listSessions,
  revokeSessionByTokenId,
  ROTATION_GRACE_SECONDS,
  rotateSession,
  SESSION_LIFETIME_SECONDS,
  validateSession,
} from '@/server/auth/sessions';
import { hashToken } from '@/server/auth/tokens';
import { addUser, registerCompany, type Clock } from '../support/callers';
import { plusSeconds, signInAs, trpcCode } from '../support/sessions';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const PASSWORD = 'correct horse battery';
const clockAt = (iso = '2030-03-04T09:00:00Z'): Clock => ({ now: new Date(iso) });

async function tokenRows(userId: string) {
  return t.db.select().from(refreshTokens).where(eq(refreshTokens.userId, userId));
}

describe('session rows and rotation', () => {
  it('sign-in stores only the SHA-256 of a 256-bit token, with the user agent', async () => {
    const { session } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const now = new Date();
    const issued = await createSession(t.db, { userId: session.userId, userAgent: 'Firefox on Linux', now });
    const [row] = await t.db.select().from(refreshTokens).where(eq(refreshTokens.id, issued.id));
    expect(row!.tokenHash).toBe(hashToken(issued.token));
    expect(row!.tokenHash).not.toContain(issued.token);
    expect(Buffer.from(issued.token, 'base64url')).toHaveLength(32);
    expect(row!.userAgent).toBe('Firefox on Linux');
    expect(row!.expiresAt.getTime() - now.getTime()).toBe(SESSION_LIFETIME_SECONDS * 1000);
  });

  it('rotation issues a new token in the same family; the old one stops working after the grace window', async () => {
    const { session } = await registerCompany(t.db, { companyType: 'CATERING' });
    const clock = clockAt();
    const first = await createSession(t.db, { userId: session.userId, now: clock.now });
    const second = await rotateSession(t.db, { id: first.id, token: first.token, now: plusSeconds(clock.now, 300) });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.session.token).not.toBe(first.token);
    expect(second.session.familyId).toBe(first.familyId);
    expect(second.session.expiresAt).toEqual(first.expiresAt); // absolute lifetime is not extended
    expect(second.user).toMatchObject({ userId: session.userId, role: 'ADMIN', sessionId: second.session.id });

    const afterGrace = plusSeconds(clock.now, 300 + ROTATION_GRACE_SECONDS + 1);
    expect(await validateSession(t.db, { id: first.id, now: afterGrace })).toBeNull();
    expect(await validateSession(t.db, { id: second.session.id, now: afterGrace })).toMatchObject({ userId: session.userId });
  });

  it('replaying a rotated token after the grace window revokes the whole family', async () => {
    const { session } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const clock = clockAt();
    const first = await createSession(t.db, { userId: session.userId, now: clock.now });
    const second = await rotateSession(t.db, { id: first.id, token: first.token, now: plusSeconds(clock.now, 60) });
    if (!second.ok) throw new Error('rotation failed');
    const other = await createSession(t.db, { userId: session.userId, now: clock.now }); // another device

    const replay = await rotateSession(t.db, {
      id: first.id,
      token: first.token,
      now: plusSeconds(clock.now, 60 + ROTATION_GRACE_SECONDS + 5),
    });
    expect(replay).toEqual({ ok: false, reason: 'replayed' });
    const later = plusSeconds(clock.now, 120);
    expect(await validateSession(t.db, { id: second.session.id, now: later })).toBeNull();
    expect(await rotateSession(t.db, { id: second.session.id, token: second.session.token, now: later })).toEqual({
      ok: false,
      reason: 'revoked',
    });
    // Only that sign-in is affected, not the user's other device.
    expect(await validateSession(t.db, { id: other.id, now: later })).not.toBeNull();
  });

  it('two tabs refreshing the same token within the grace window both stay signed in', async () => {
    const { session } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const clock = clockAt();
    const first = await createSession(t.db, { userId: session.userId, now: clock.now });
    const at = plusSeconds(clock.now, 300);
    const [a, b] = await Promise.all([
      rotateSession(t.db, { id: first.id, token: first.token, now: at }),
      rotateSession(t.db, { id: first.id, token: first.token, now: plusSeconds(at, 2) }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const later = plusSeconds(at, 10);
    for (const r of [a, b]) if (r.ok) expect(await validateSession(t.db, { id: r.session.id, now: later })).not.toBeNull();
    const listed = await listSessions(t.db, { userId: session.userId, now: later });
    expect(listed).toHaveLength(1); // still one sign-in
  });

  it('an unknown token, a token with a foreign id, or an expired session does not rotate', async () => {
    const { session } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const clock = clockAt();
    const s1 = await createSession(t.db, { userId: session.userId, now: clock.now });
    const s2 = await createSession(t.db, { userId: session.userId, now: clock.now });
    expect(await rotateSession(t.db, { id: s1.id, token: 'not-a-token', now: clock.now })).toEqual({ ok: false, reason: 'unknown' });
    expect(await rotateSession(t.db, { id: s1.id, token: s2.token, now: clock.now })).toEqual({ ok: false, reason: 'unknown' });
    const expired = plusSeconds(clock.now, SESSION_LIFETIME_SECONDS);
    expect(await rotateSession(t.db, { id: s1.id, token: s1.token, now: expired })).toEqual({ ok: false, reason: 'expired' });
    expect(await validateSession(t.db, { id: s1.id, now: expired })).toBeNull();
  });

  it('sign-out revokes the sign-in; other sessions of the user stay', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const clock = clockAt();
    const phone = await signInAs(t.db, email, clock, 'phone');
    const laptop = await signInAs(t.db, email, clock, 'laptop');
    await revokeSessionByTokenId(t.db, { id: phone.issued.id, now: clock.now });
    expect(await validateSession(t.db, { id: phone.issued.id, now: clock.now })).toBeNull();
    expect(await rotateSession(t.db, { id: phone.issued.id, token: phone.issued.token, now: clock.now })).toMatchObject({ ok: false });
    expect(await validateSession(t.db, { id: laptop.issued.id, now: clock.now })).not.toBeNull();
  });

  it('the per-request check reads the role live and refuses a deactivated user', async () => {
    const admin = await registerCompany(t.db, { companyType: 'CATERING' });
    const { session: manager } = await addUser(t.db, admin.session.companyId, 'MANAGER');
    const clock = clockAt();
    const s = await signInAs(t.db, manager.email, clock);
    await admin.caller.user.setRole({ id: manager.userId, role: 'EMPLOYEE' });
    expect(await validateSession(t.db, { id: s.issued.id, now: clock.now })).toMatchObject({ role: 'EMPLOYEE' });
    await t.db.update(users).set({ isActive: false }).where(eq(users.id, manager.userId));
    expect(await validateSession(t.db, { id: s.issued.id, now: clock.now })).toBeNull();
  });
});

describe('auth.sessions, auth.revokeSession, auth.revokeOtherSessions', () => {
  it('lists the own live sessions with "this device", and revokes one', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const clock = clockAt();
    const here = await signInAs(t.db, email, clock, 'Here/1.0');
    clock.now = plusSeconds(clock.now, 60);
    const there = await signInAs(t.db, email, clock, 'There/2.0');
    const list = await here.caller.auth.sessions();
    expect(list.map((s) => [s.userAgent, s.current])).toEqual([
      ['There/2.0', false],
      ['Here/1.0', true],
    ]);
    expect(list[0]!.id).toBe(there.issued.familyId);
    await here.caller.auth.revokeSession({ id: there.issued.familyId });
    expect((await here.caller.auth.sessions()).map((s) => s.userAgent)).toEqual(['Here/1.0']);
    expect(await validateSession(t.db, { id: there.issued.id, now: clock.now })).toBeNull();
  });

  it("another user's session id is NOT_FOUND and stays alive", async () => {
    const a = await registerCompany(t.db, { companyType: 'CLIENT' });
    const b = await registerCompany(t.db, { companyType: 'CLIENT' });
    const clock = clockAt();
    const mine = await signInAs(t.db, a.email, clock);
    const theirs = await signInAs(t.db, b.email, clock);
    expect(await trpcCode(mine.caller.auth.revokeSession({ id: theirs.issued.familyId }))).toBe('NOT_FOUND');
    expect(await trpcCode(mine.caller.auth.revokeSession({ id: crypto.randomUUID() }))).toBe('NOT_FOUND');
    expect(await validateSession(t.db, { id: theirs.issued.id, now: clock.now })).not.toBeNull();
  });

  it('"sign out everywhere else" keeps only the current session', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const clock = clockAt();
    const here = await signInAs(t.db, email, clock);
    const others = [await signInAs(t.db, email, clock), await signInAs(t.db, email, clock)];
    expect(await here.caller.auth.revokeOtherSessions()).toEqual({ signedOut: 2 });
    for (const o of others) expect(await validateSession(t.db, { id: o.issued.id, now: clock.now })).toBeNull();
    expect(await validateSession(t.db, { id: here.issued.id, now: clock.now })).not.toBeNull();
  });
});

describe('auth.changePassword', () => {
  it('needs the current password, applies the policy, and signs out every other session', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CATERING' });
    const clock = clockAt();
    const here = await signInAs(t.db, email, clock);
    const other = await signInAs(t.db, email, clock);
    const before = await tokenRows(here.session.userId);

    expect(await trpcCode(here.caller.auth.changePassword({ currentPassword: 'wrong one!', newPassword: 'kettle-orbit-9' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await trpcCode(here.caller.auth.changePassword({ currentPassword: PASSWORD, newPassword: 'Password1' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await trpcCode(here.caller.auth.changePassword({ currentPassword: PASSWORD, newPassword: 'x'.repeat(73) }))).toBe(
      'BAD_REQUEST',
    );
    expect(await tokenRows(here.session.userId)).toEqual(before);
    expect(await checkCredentials(t.db, email, PASSWORD)).not.toBeNull();

    expect(await here.caller.auth.changePassword({ currentPassword: PASSWORD, newPassword: 'kettle-orbit-9' })).toEqual({
      otherSessionsSignedOut: 1,
    });
    expect(await checkCredentials(t.db, email, PASSWORD)).toBeNull();
    expect(await checkCredentials(t.db, email, 'kettle-orbit-9')).not.toBeNull();
    expect(await validateSession(t.db, { id: here.issued.id, now: clock.now })).not.toBeNull();
    expect(await validateSession(t.db, { id: other.issued.id, now: clock.now })).toBeNull();
  });
});
