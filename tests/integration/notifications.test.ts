import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/rows';
import { emailHandler } from '@/server/outbox/handlers/email';
import { notificationsHandler } from '@/server/outbox/handlers/notifications';
import { callerFor, sessionForEmail } from '../support/callers';
import { enqueueWithChange, twoParties, drainAndSend } from '../support/outbox-fixtures';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
let parties: Awaited<ReturnType<typeof twoParties>>;

async function drainAt(now: Date) {
  await drainAndSend(t.db, { now, handlers: [notificationsHandler, emailHandler('http://x.test')] });
}

beforeAll(async () => {
  t = await createTestDb();
  parties = await twoParties(t.db);
  const start = Date.now() + 1000;
  // Three events at increasing times, so "newest first" is observable.
  await enqueueWithChange(t.db, parties, 'contract.created', parties.cateringId);
  await drainAt(new Date(start));
  await enqueueWithChange(t.db, parties, 'contract.updated', parties.cateringId);
  await drainAt(new Date(start + 1000));
  await enqueueWithChange(t.db, parties, 'contract.paused', parties.cateringId);
  await drainAt(new Date(start + 2000));
});
afterAll(() => t.close());

const readState = () => queryRows(t.db, sql`select id, user_id, read_at from notifications order by id`);

describe('notification.list / markRead', () => {
  it('lists the caller’s notifications newest first, paginated, with the unread count', async () => {
    const caller = callerFor(t.db, parties.clientAdmin);
    const all = await caller.notification.list();
    expect(all.items.map((n) => n.title)).toEqual([
      'Contract with Good Food Ltd paused',
      'Check the new terms of your contract with Good Food Ltd',
      'Review the new contract with Good Food Ltd',
    ]);
    expect(all).toMatchObject({ total: 3, unreadCount: 3, page: 1, pageSize: 20 });
    const page2 = await caller.notification.list({ page: 2, pageSize: 2 });
    expect(page2.items.map((n) => n.title)).toEqual(['Review the new contract with Good Food Ltd']);
    expect(page2).toMatchObject({ total: 3, unreadCount: 3 });
    // The acting company is not notified about its own changes.
    expect((await callerFor(t.db, parties.cateringAdmin).notification.list()).total).toBe(0);
  });

  it('marks only the caller’s own notifications read; other users’ ids are ignored', async () => {
    const admin = callerFor(t.db, parties.clientAdmin);
    const managerSession = await sessionForEmail(t.db, parties.clientRecipients.find((e) => e !== parties.clientAdmin.email)!);
    const manager = callerFor(t.db, managerSession);
    const mine = (await admin.notification.list()).items;
    const theirs = (await manager.notification.list()).items;

    const result = await admin.notification.markRead({ ids: [mine[0]!.id, theirs[1]!.id] });
    expect(result).toEqual({ updated: 1, unreadCount: 2 });
    expect((await manager.notification.list()).unreadCount).toBe(3);
    const again = await admin.notification.markRead({ ids: [mine[0]!.id] });
    expect(again).toEqual({ updated: 0, unreadCount: 2 });
    const unread = await admin.notification.list({ unreadOnly: true });
    expect(unread.items.map((n) => n.id)).toEqual([mine[1]!.id, mine[2]!.id]);
    expect((await admin.notification.list()).items[0]!.readAt).toBeInstanceOf(Date);
  });

  it('refuses bad input and signed-out callers without changing anything', async () => {
    const before = await readState();
    const admin = callerFor(t.db, parties.clientAdmin);
    const bad = await admin.notification.markRead({ ids: [] }).catch((e: unknown) => e);
    expect((bad as TRPCError).code).toBe('BAD_REQUEST');
    const notUuid = await admin.notification.markRead({ ids: ['not-a-uuid'] }).catch((e: unknown) => e);
    expect((notUuid as TRPCError).code).toBe('BAD_REQUEST');
    const anonymous = await callerFor(t.db, null).notification.list().catch((e: unknown) => e);
    expect((anonymous as TRPCError).code).toBe('UNAUTHORIZED');
    expect(await readState()).toEqual(before);
  });
});
