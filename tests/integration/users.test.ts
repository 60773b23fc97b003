import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { invitations, outboxEvents, users } from '@/db/schema';
import { checkCredentials } from '@/server/auth/credentials';
import { validateSession } from '@/server/auth/sessions';
import { addUser, callerFor, countRows, registerCompany, type Clock } from '../support/callers';
import { plusSeconds, signInAs, trpcCode } from '../support/sessions';
import { linkTokenOf } from '../support/link-tokens';
import { createTestDb, onPostgres, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function userRows(companyId: string) {
  return t.db.select().from(users).where(eq(users.companyId, companyId)).orderBy(users.email);
}

async function invitationToken(email: string) {
  const events = await t.db.select().from(outboxEvents).where(eq(outboxEvents.eventType, 'user.invited'));
  const mine = events.filter((e) => (e.payload as { email: string }).email === email);
  const event = mine.at(-1)!;
  expect(event.payload).not.toHaveProperty('token');
  return linkTokenOf('invitation', event);
}

describe('roles on user administration (SPEC §5)', () => {
  it.each(['MANAGER', 'EMPLOYEE'] as const)('a %s is refused every ADMIN mutation with FORBIDDEN, nothing changes', async (role) => {
    const admin = await registerCompany(t.db, { companyType: 'CATERING' });
    const { caller } = await addUser(t.db, admin.session.companyId, role);
    const before = { users: await userRows(admin.session.companyId), invitations: await countRows(t.db, 'invitations') };
    const company = await admin.caller.company.me();
    const calls = [
      caller.user.invite({ email: 'new-person@example.test', role: 'EMPLOYEE' }),
      caller.user.setRole({ id: admin.session.userId, role: 'EMPLOYEE' }),
      caller.user.deactivate({ id: admin.session.userId }),
      caller.user.activate({ id: admin.session.userId }),
      caller.user.invitations(),
      caller.company.update({ name: 'Taken over' }),
    ];
    // Every call's outcome is taken at once: none is left rejected without a handler meanwhile.
    expect(await Promise.all(calls.map(trpcCode))).toEqual(calls.map(() => 'FORBIDDEN'));
    expect(await userRows(admin.session.companyId)).toEqual(before.users);
    expect(await countRows(t.db, 'invitations')).toBe(before.invitations);
    expect(await admin.caller.company.me()).toEqual(company);
    // Reading the member list is allowed to everyone in the company.
    expect((await caller.user.list()).length).toBe(2);
  });

  it('signed-out visitors get UNAUTHORIZED', async () => {
    expect(await trpcCode(callerFor(t.db, null).user.list())).toBe('UNAUTHORIZED');
    expect(await trpcCode(callerFor(t.db, null).auth.sessions())).toBe('UNAUTHORIZED');
  });
});

describe('user.setRole and user.deactivate', () => {
  it('the last active ADMIN can be neither demoted nor deactivated', async () => {
    const admin = await registerCompany(t.db, { companyType: 'CLIENT' });
    const before = await userRows(admin.session.companyId);
    expect(await trpcCode(admin.caller.user.setRole({ id: admin.session.userId, role: 'MANAGER' }))).toBe('CONFLICT');
    expect(await trpcCode(admin.caller.user.deactivate({ id: admin.session.userId }))).toBe('CONFLICT');
    expect(await userRows(admin.session.companyId)).toEqual(before);

    // A deactivated second ADMIN does not count.
    const { session: other } = await addUser(t.db, admin.session.companyId, 'ADMIN');
    await admin.caller.user.deactivate({ id: other.userId });
    expect(await trpcCode(admin.caller.user.setRole({ id: admin.session.userId, role: 'EMPLOYEE' }))).toBe('CONFLICT');

    // With another active ADMIN it is allowed.
    await admin.caller.user.activate({ id: other.userId });
    expect(await admin.caller.user.setRole({ id: admin.session.userId, role: 'MANAGER' })).toMatchObject({ role: 'MANAGER' });
  });

  it("another company's user id is NOT_FOUND, and that user is untouched", async () => {
    const a = await registerCompany(t.db, { companyType: 'CATERING' });
    const b = await registerCompany(t.db, { companyType: 'CLIENT' });
    const { session: bUser } = await addUser(t.db, b.session.companyId, 'MANAGER');
    const before = await userRows(b.session.companyId);
    expect(await trpcCode(a.caller.user.setRole({ id: bUser.userId, role: 'EMPLOYEE' }))).toBe('NOT_FOUND');
    expect(await trpcCode(a.caller.user.deactivate({ id: bUser.userId }))).toBe('NOT_FOUND');
    expect(await trpcCode(a.caller.user.activate({ id: bUser.userId }))).toBe('NOT_FOUND');
    expect(await trpcCode(a.caller.user.deactivate({ id: crypto.randomUUID() }))).toBe('NOT_FOUND');
    expect(await userRows(b.session.companyId)).toEqual(before);
    expect((await a.caller.user.list()).map((u) => u.id)).not.toContain(bUser.userId);
  });

  it('deactivation revokes every session of the user and blocks sign-in', async () => {
    const admin = await registerCompany(t.db, { companyType: 'CATERING' });
    const { session: manager } = await addUser(t.db, admin.session.companyId, 'MANAGER');
    const clock: Clock = { now: new Date() };
    const s1 = await signInAs(t.db, manager.email, clock);
    const s2 = await signInAs(t.db, manager.email, clock);
    expect(await admin.caller.user.deactivate({ id: manager.userId })).toMatchObject({ isActive: false });
    for (const s of [s1, s2]) expect(await validateSession(t.db, { id: s.issued.id, now: clock.now })).toBeNull();
    expect(await s1.caller.auth.sessions()).toEqual([]);
  });

  it.skipIf(!onPostgres)('two ADMINs demoting each other at the same moment leave one ADMIN', async () => {
    const a = await registerCompany(t.db, { companyType: 'CLIENT' });
    const { session: b, caller: bCaller } = await addUser(t.db, a.session.companyId, 'ADMIN');
    const results = await Promise.allSettled([
      a.caller.user.setRole({ id: b.userId, role: 'EMPLOYEE' }),
      bCaller.user.setRole({ id: a.session.userId, role: 'EMPLOYEE' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const admins = (await userRows(a.session.companyId)).filter((u) => u.role === 'ADMIN' && u.isActive);
    expect(admins).toHaveLength(1);
  });
});

describe('invitations', () => {
  it('an ADMIN invites; the invitee sets a password once and joins with that role', async () => {
    const admin = await registerCompany(t.db, { companyType: 'CATERING', companyName: 'Soup & Co' });
    const clock: Clock = { now: new Date('2030-01-10T10:00:00Z') };
    const adminCaller = callerFor(t.db, admin.session, clock);
    const invited = await adminCaller.user.invite({ email: 'New.Cook@Example.test', role: 'MANAGER' });
    expect(invited).toMatchObject({ email: 'new.cook@example.test', role: 'MANAGER', invitedByEmail: admin.email });
    expect(invited.expiresAt.getTime() - clock.now.getTime()).toBe(72 * 3600 * 1000);
    expect((await adminCaller.user.invitations()).map((i) => i.email)).toEqual(['new.cook@example.test']);

    const token = await invitationToken('new.cook@example.test');
    const [event] = (await t.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, invited.id)));
    // No secret in the event: the mail handler derives the link's token from the invitation id.
    expect(event!.payload).toEqual({
      email: 'new.cook@example.test',
      companyName: 'Soup & Co',
      role: 'MANAGER',
      invitedByEmail: admin.email,
    });

    clock.now = plusSeconds(clock.now, 71 * 3600);
    const anon = callerFor(t.db, null, clock);
    expect(await anon.auth.acceptInvitation({ token, password: 'kettle-orbit-9' })).toEqual({ email: 'new.cook@example.test' });
    const joined = await checkCredentials(t.db, 'new.cook@example.test', 'kettle-orbit-9');
    expect(joined).toMatchObject({ companyId: admin.session.companyId, role: 'MANAGER', companyType: 'CATERING' });
    expect(await adminCaller.user.invitations()).toEqual([]);

    const usersBefore = await countRows(t.db, 'users');
    const again = await anon.auth.acceptInvitation({ token, password: 'other-pass-77' }).catch((e: Error & { code: string }) => e);
    expect((again as { code: string }).code).toBe('BAD_REQUEST');
    expect((again as Error).message).toMatch(/already been used/);
    expect(await countRows(t.db, 'users')).toBe(usersBefore);
  });

  it('an expired or unknown invitation is refused with a clear message and creates nothing', async () => {
    const admin = await registerCompany(t.db, { companyType: 'CLIENT' });
    const clock: Clock = { now: new Date('2030-01-10T10:00:00Z') };
    await callerFor(t.db, admin.session, clock).user.invite({ email: 'late@example.test', role: 'EMPLOYEE' });
    const token = await invitationToken('late@example.test');
    const usersBefore = await countRows(t.db, 'users');
    clock.now = plusSeconds(clock.now, 72 * 3600);
    const anon = callerFor(t.db, null, clock);
    const expired = await anon.auth.acceptInvitation({ token, password: 'kettle-orbit-9' }).catch((e: Error) => e);
    expect((expired as Error).message).toMatch(/invitation link has expired/);
    const unknown = await anon.auth.acceptInvitation({ token: 'nope', password: 'kettle-orbit-9' }).catch((e: Error) => e);
    expect((unknown as Error).message).toMatch(/not valid/);
    expect(await countRows(t.db, 'users')).toBe(usersBefore);
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.email, 'late@example.test'));
    expect(inv!.acceptedAt).toBeNull();
  });

  it('inviting an address with an account elsewhere answers like a new one; the invitee is told by e-mail and cannot accept', async () => {
    const admin = await registerCompany(t.db, { companyType: 'CATERING' });
    const other = await registerCompany(t.db, { companyType: 'CLIENT' });
    const known = await admin.caller.user.invite({ email: other.email.toUpperCase(), role: 'EMPLOYEE' });
    const unknown = await admin.caller.user.invite({ email: 'nobody-yet@example.test', role: 'EMPLOYEE' });
    const shape = (i: typeof known) => ({ ...i, id: typeof i.id, email: i.email.toLowerCase().replace(/^.*@/, '@') });
    expect(Object.keys(known).sort()).toEqual(Object.keys(unknown).sort());
    expect(shape(known)).toMatchObject({ role: 'EMPLOYEE', invitedByEmail: admin.email, id: 'string' });
    expect((await admin.caller.user.invitations()).map((i) => i.email.toLowerCase()).sort()).toEqual(
      [other.email.toLowerCase(), 'nobody-yet@example.test'].sort(),
    );
    const [event] = (await t.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, known.id))).filter(
      (e) => e.eventType === 'user.invited',
    );
    expect(event!.payload).toMatchObject({ existingAccount: true });
    const refused = await callerFor(t.db, null)
      .auth.acceptInvitation({ token: linkTokenOf('invitation', event!), password: 'kettle-orbit-9' })
      .catch((e: Error & { code: string }) => e);
    expect((refused as { code: string }).code).toBe('CONFLICT');
  });

  it('inviting someone already in the company is a CONFLICT (the admin sees them in the list anyway)', async () => {
    const admin = await registerCompany(t.db, { companyType: 'CATERING' });
    const before = await countRows(t.db, 'invitations');
    expect(await trpcCode(admin.caller.user.invite({ email: admin.email.toUpperCase(), role: 'EMPLOYEE' }))).toBe('CONFLICT');
    expect(await countRows(t.db, 'invitations')).toBe(before);
  });

  it('re-inviting replaces the pending link', async () => {
    const admin = await registerCompany(t.db, { companyType: 'CATERING' });

    await admin.caller.user.invite({ email: 'twice@example.test', role: 'EMPLOYEE' });
    const first = await invitationToken('twice@example.test');
    await admin.caller.user.invite({ email: 'twice@example.test', role: 'MANAGER' });
    const second = await invitationToken('twice@example.test');
    expect((await admin.caller.user.invitations()).map((i) => [i.email, i.role])).toEqual([['twice@example.test', 'MANAGER']]);
    const refused = await callerFor(t.db, null).auth.acceptInvitation({ token: first, password: 'kettle-orbit-9' }).catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/expired/);
    await callerFor(t.db, null).auth.acceptInvitation({ token: second, password: 'kettle-orbit-9' });
    expect(await checkCredentials(t.db, 'twice@example.test', 'kettle-orbit-9')).toMatchObject({ role: 'MANAGER' });
  });
});
