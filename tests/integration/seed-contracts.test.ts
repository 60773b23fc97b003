import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { seedDemoData } from '@/server/seed/seed-demo';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('demo contracts', () => {
  it('seeds ACTIVE (proposed and accepted) contracts within capacity with four weeks of days on open office days only, and one proposal waiting', async () => {
    const now = new Date('2026-03-04T10:00:00Z');
    const { seeded, companyIds } = await seedDemoData(t.db, now);
    expect(seeded).toBe(true);
    const contracts = await queryRows<{ caterer: string; client: string; status: string; days: number; weekdays: number[] }>(
      t.db,
      sql`select c.catering_id as caterer, c.client_id as client, c.status,
                 (select count(*)::int from service_days sd where sd.contract_id = c.id and sd.service_date >= '2026-03-04') as days,
                 (select array_agg(distinct sd.day_of_week order by sd.day_of_week) from service_days sd
                  where sd.contract_id = c.id and sd.service_date >= '2026-03-04') as weekdays
          from contracts c order by c.default_quantity desc`,
    );
    expect(contracts.map((c) => [c.caterer, c.client, c.status])).toEqual([
      [companyIds.tasty, companyIds.acme, 'ACTIVE'],
      [companyIds.tasty, companyIds.globex, 'ACTIVE'],
      [companyIds.greenfork, companyIds.initech, 'ACTIVE'],
      [companyIds.greenfork, companyIds.acme, 'PROPOSED'],
    ]);
    // Today (Wednesday) through today + 28 days (past history is seeded separately):
    // Acme Mon–Fri, Globex and Initech Mon–Thu.
    expect(contracts.map((c) => [c.days, c.weekdays])).toEqual([
      [21, [1, 2, 3, 4, 5]],
      [17, [1, 2, 3, 4]],
      [17, [1, 2, 3, 4]],
      [0, null],
    ]);
    const events = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from outbox_events where event_type = 'contract.accepted'`,
    );
    expect(Number(events[0]!.n)).toBe(3);
    // Seeding twice does nothing.
    expect((await seedDemoData(t.db, now)).seeded).toBe(false);
  });
});
