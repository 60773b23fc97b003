import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { historyCounts } from '@/server/seed/seed-history';
import { seedDemoData } from '@/server/seed/seed-demo';
import { callerFor, sessionForEmail } from '../support/callers';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
// Wednesday 2026-03-11, 09:00 UTC (10:00 in Warsaw, 05:00 in New York).
const NOW = new Date('2026-03-11T09:00:00Z');
beforeAll(async () => {
  t = await createTestDb();
  await seedDemoData(t.db, NOW);
});
afterAll(() => t.close());

const asDemo = async (email: string) => callerFor(t.db, await sessionForEmail(t.db, email), { now: NOW });

describe('demo history', () => {
  it('gives every demo contract eight past weeks, mostly served, with one open and one resolved dispute', async () => {
    const contracts = await queryRows<{ id: string; start_date: string }>(
      t.db,
      sql`select id, to_char(start_date, 'YYYY-MM-DD') as start_date from contracts where status = 'ACTIVE' order by created_at`,
    );
    expect(contracts.length).toBeGreaterThan(0);
    for (const c of contracts) expect(c.start_date <= '2026-01-14').toBe(true);
    const counts = Object.fromEntries((await historyCounts(t.db, contracts.map((c) => c.id))).map((r) => [r.status, r.n]));
    expect(counts.SERVED_CONFIRMED).toBeGreaterThan(60);
    expect(counts.DISPUTED).toBe(1);
    const [resolved] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from service_days
          where status = 'SERVED_CONFIRMED' and original_served_quantity is not null and dispute_resolved_at is not null
            and served_quantity = original_served_quantity - 3`,
    );
    expect(resolved!.n).toBe(1);
    // Past days respect the contract's weekdays and the client's open office days.
    const [wrongDay] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from service_days sd
          left join contract_service_days csd on csd.contract_id = sd.contract_id and csd.day_of_week = sd.day_of_week
          where csd.id is null or sd.day_of_week <> extract(isodow from sd.service_date)`,
    );
    expect(wrongDay!.n).toBe(0);
  });

  it('leaves the caterer something to do and the client costs to read', async () => {
    const tasty = await (await asDemo('admin@tastykitchen.demo')).report.dashboard();
    if (tasty.companyType !== 'CATERING') throw new Error('caterer expected');
    expect(tasty.awaitingServed.count).toBeGreaterThanOrEqual(2);
    expect(tasty.openDisputes).toHaveLength(1);
    expect(tasty.revenueTotals[0]!.currency).toBe('PLN');
    expect(tasty.revenueTotals[0]!.servedCostCents).toBeGreaterThan(0);
    expect(tasty.productionPlan.days.some((d) => d.totalMeals > 0)).toBe(true);

    const acme = await (await asDemo('admin@acme.demo')).report.dashboard();
    if (acme.companyType !== 'CLIENT') throw new Error('client expected');
    expect(acme.costByContract[0]!.servedMeals).toBeGreaterThan(0);
    expect(acme.pendingDays.length).toBeGreaterThan(0);
    expect(acme.mealsByDay.filter((m) => m.served !== null).length).toBeGreaterThan(10);
  });

  it('writes no outbox events for the history', async () => {
    const [events] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from outbox_events where event_type like 'service_day.%'`,
    );
    expect(events!.n).toBe(0);
  });
});
