import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '@/db/rows';
import type { Database } from '@/db/types';
import { enqueueWithChange, twoParties } from '../support/outbox-fixtures';
import { createTestDb, type TestDb } from '../support/test-db';

// Configuration is read once, when server/env is first imported: set the secret before any import.
const { SECRET, holder } = vi.hoisted(() => {
  const secret = 'cron-secret-for-the-route-tests';
  process.env.CRON_SECRET = secret;
  // The routes run against the process database; here that is this file's test database.
  return { SECRET: secret, holder: { db: undefined as unknown as Database } };
});
vi.mock('@/server/database', () => ({ getDb: async () => holder.db }));

let t: TestDb;
let outboxGET: (request: Request) => Promise<Response>;
let serviceDaysGET: (request: Request) => Promise<Response>;

beforeAll(async () => {
  t = await createTestDb();
  holder.db = t.db;
  outboxGET = (await import('@/app/api/cron/outbox/route')).GET;
  serviceDaysGET = (await import('@/app/api/cron/service-days/route')).GET;
});
afterAll(async () => {
  delete process.env.CRON_SECRET;
  await t.close();
});

const request = (path: string, authorization?: string) =>
  new Request(`http://localhost${path}`, { headers: authorization ? { authorization } : {} });

/** Everything the jobs could change. */
async function state() {
  const tables = ['outbox_events', 'processed_events', 'notifications', 'dev_mail_messages', 'service_days'];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = await queryRows(t.db, sql.raw(`select * from ${table} order by id`));
  return out;
}

describe('cron routes', () => {
  it.each([
    ['/api/cron/outbox', () => outboxGET],
    ['/api/cron/service-days', () => serviceDaysGET],
  ])('%s answers 401 without or with a wrong secret and changes nothing', async (path, route) => {
    const parties = await twoParties(t.db);
    await enqueueWithChange(t.db, parties, 'contract.created', parties.cateringId);
    const before = await state();
    for (const auth of [undefined, 'Bearer wrong-secret-wrong-secret', `Basic ${SECRET}`, SECRET]) {
      const response = await route()(request(path, auth));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'Unauthorized' });
    }
    expect(await state()).toEqual(before);
  });

  it('the outbox route with the secret drains and answers its counts', async () => {
    const pending = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from outbox_events where status = 'PENDING'`);
    const response = await outboxGET(request('/api/cron/outbox', `Bearer ${SECRET}`));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, job: 'outbox', claimed: Number(pending[0]!.n), failed: 0, dead: 0 });
    expect(body.processed).toBeGreaterThan(0);
    const left = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from outbox_events where status = 'PENDING'`);
    expect(Number(left[0]!.n)).toBe(0);
    const notified = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from notifications`);
    expect(Number(notified[0]!.n)).toBe(4); // two events × the client's ADMIN and MANAGER
  });

  it('the service-days route with the secret runs every step and answers its counts', async () => {
    const response = await serviceDaysGET(request('/api/cron/service-days', `Bearer ${SECRET}`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      job: 'service-days',
      generated: 0,
      autoLocked: 0,
      remindedDays: 0,
      reminderDigests: 0,
      outboxEventsDeleted: 0,
      ledgerRowsDeleted: 0,
      emailDeliveriesDeleted: 0,
      expiredSessionsDeleted: 0,
      rateLimitCountersDeleted: 0,
      failedSteps: [],
    });
  });

  it('GET /api/health reports the database up and the outbox backlog', async () => {
    const { GET } = await import('@/app/api/health/route');
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      status: 'ok',
      database: 'up',
      outbox: { pending: 0, dead: 0, oldestPendingAgeSeconds: null },
      email: { pending: 0, dead: 0, oldestPendingAgeSeconds: null },
    });
  });
});
