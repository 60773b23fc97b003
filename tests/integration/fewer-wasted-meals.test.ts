import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import type { Clock } from '../support/callers';
import { agreeContract, catererAndClient, rejectionOf } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

// Friday 10 April 2026: March is last month; Monday 13 and Tuesday 14 April are still open.
const NOW = '2026-04-10T09:00:00Z';

type DayFields = { status?: string; served?: number; expected?: number; deadline?: string; autoLocked?: boolean };

async function addDay(contractId: string, date: string, f: DayFields = {}) {
  const status = f.status ?? (f.served !== undefined ? 'SERVED_CONFIRMED' : 'PENDING');
  const deadline = f.deadline ?? `${date}T00:00:00Z`;
  await t.db.execute(sql`
    insert into service_days (contract_id, service_date, day_of_week, expected_quantity, served_quantity, served_quantity_confirmed_at,
      expected_quantity_confirmed_at, confirmation_deadline, status)
    values (${contractId}, ${date}::date, extract(isodow from ${date}::date)::smallint, ${f.expected ?? 20}, ${f.served ?? null},
      ${f.served !== undefined ? `${date}T15:00:00Z` : null}::timestamptz,
      ${status !== 'PENDING' ? deadline : null}::timestamptz, ${deadline}::timestamptz, ${status}::service_day_status)`);
}

async function dayId(contractId: string, date: string) {
  const [row] = await queryRows<{ id: string }>(t.db, sql`select id from service_days where contract_id = ${contractId} and service_date = ${date}::date`);
  return row!.id;
}

/** A contract (min 10, max 40, 15.00 a meal) with a known history: Mondays, Tuesdays and Wednesdays. */
async function history() {
  const clock: Clock = { now: new Date('2026-02-20T09:00:00Z') };
  const parties = await catererAndClient(t.db, clock);
  const contract = await agreeContract(parties.caterer, parties.client, { startDate: '2026-03-01', endDate: '2026-12-31' });
  await t.db.execute(sql`delete from service_days where contract_id = ${contract.id}`);
  // Mondays: expected 20, served 18, 22, 25, 50, 19, 21 (newest last).
  for (const [date, served] of [['2026-03-02', 18], ['2026-03-09', 22], ['2026-03-16', 25], ['2026-03-23', 50], ['2026-03-30', 19], ['2026-04-06', 21]] as const) {
    await addDay(contract.id, date, { served });
  }
  // Tuesdays: only two served ones. Wednesdays: far under the minimum.
  await addDay(contract.id, '2026-03-03', { served: 20 });
  await addDay(contract.id, '2026-03-10', { served: 20 });
  for (const [date, served] of [['2026-03-04', 5], ['2026-03-11', 6], ['2026-03-18', 7]] as const) await addDay(contract.id, date, { served });
  // A March day with no served count yet does not count as waste.
  await addDay(contract.id, '2026-03-31', { status: 'EXPECTED_CONFIRMED' });
  // The plan: today locked at its deadline, two open days and one to confirm.
  await addDay(contract.id, '2026-04-10', { status: 'EXPECTED_CONFIRMED', deadline: '2026-04-09T12:00:00Z' });
  await addDay(contract.id, '2026-04-13', { deadline: '2026-04-12T12:00:00Z' });
  await addDay(contract.id, '2026-04-14', { deadline: '2026-04-13T12:00:00Z' });
  await addDay(contract.id, '2026-04-15', { deadline: '2026-04-14T12:00:00Z' });
  clock.now = new Date(NOW);
  return { ...parties, clock, contract };
}

describe('suggestedQuantity', () => {
  it('an open day suggests the median served count of its last 8 same weekdays, with the reason; fewer than 3 → null', async () => {
    const { client, contract } = await history();
    const days = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-04-13', to: '2026-04-15' });
    const [monday, tuesday, wednesday] = days;
    // 18, 19, 21, 22, 25, 50 → (21 + 22) / 2 rounded up.
    expect(monday).toMatchObject({ suggestedQuantity: 22, suggestedQuantityReason: 'Served 21, 19, 50 … on the last 6 Mondays (median 22).' });
    expect(tuesday).toMatchObject({ suggestedQuantity: null, suggestedQuantityReason: null });
    // 5, 6, 7 → 6, clamped to the contract's minimum of 10.
    expect(wednesday).toMatchObject({
      suggestedQuantity: 10,
      suggestedQuantityReason: "Served 7, 6, 5 on the last 3 Wednesdays (median 6, within the contract's limits: 10).",
    });
    // A day whose deadline has passed has none.
    const [today] = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-04-10', to: '2026-04-10' });
    expect(today!.suggestedQuantity).toBeNull();
  });

  it('only the last 8 same weekdays count; another tenant cannot read the day', async () => {
    const { client, contract } = await history();
    for (const [date, served] of [['2026-02-02', 400], ['2026-02-09', 400], ['2026-02-16', 400]] as const) await addDay(contract.id, date, { served });
    await addDay(contract.id, '2026-02-23', { served: 40 });
    await addDay(contract.id, '2026-01-26', { served: 400 });
    const other = await catererAndClient(t.db, { now: new Date(NOW) });
    const [monday] = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-04-13', to: '2026-04-13' });
    // Last 8: 21, 19, 50, 25, 22, 18, 40, 400 → (22 + 25) / 2 = 23.5 → 24.
    expect(monday!.suggestedQuantity).toBe(24);
    expect(monday!.suggestedQuantityReason).toBe('Served 21, 19, 50 … on the last 8 Mondays (median 24).');
    expect((await rejectionOf(other.client.caller.serviceDay.list({ contractId: contract.id, from: '2026-04-13', to: '2026-04-13' }))).code).toBe('NOT_FOUND');
  });
});

describe('dashboards: last month ordered but not served, and the plan by status', () => {
  it('both parties see March’s unserved meals per contract (expected − served per day, never below 0) and their cost', async () => {
    const { caterer, client } = await history();
    const expected = {
      period: { from: '2026-03-01', to: '2026-03-31' },
      // Mondays: 2 + 0 + 0 + 0 + 1; Wednesdays: 15 + 14 + 13; Tuesdays 0; 31 March not served yet.
      byContract: [expect.objectContaining({ currency: 'EUR', days: 10, unservedMeals: 45, unservedCostCents: 45 * 1500 })],
      totals: [{ currency: 'EUR', unservedMeals: 45, unservedCostCents: 67_500 }],
    };
    const forClient = await client.caller.report.dashboard();
    const forCaterer = await caterer.caller.report.dashboard();
    expect(forClient.unserved).toMatchObject(expected);
    expect(forCaterer.unserved).toMatchObject(expected);
    expect(forClient.unserved.byContract[0]!.counterpartName).not.toBe(forCaterer.unserved.byContract[0]!.counterpartName);
    // Another tenant sees none of it.
    const other = await catererAndClient(t.db, { now: new Date(NOW) });
    expect((await other.caterer.caller.report.dashboard()).unserved.byContract).toEqual([]);
    expect((await other.client.caller.report.dashboard()).unserved.byContract).toEqual([]);
  });

  it('the caterer’s production plan keeps confirmed, locked and estimated meals apart', async () => {
    const { caterer, client, contract } = await history();
    await client.caller.serviceDay.confirmExpected({ id: await dayId(contract.id, '2026-04-15'), quantity: 30 });
    const dashboard = await caterer.caller.report.dashboard();
    if (dashboard.companyType !== 'CATERING') throw new Error('a caterer’s dashboard');
    const { productionPlan } = dashboard;
    const byDate = Object.fromEntries(productionPlan.days.map((d) => [d.date, d.byStatus]));
    expect(byDate['2026-04-10']).toEqual({ CONFIRMED: 0, LOCKED: 20, OPEN: 0 });
    expect(byDate['2026-04-13']).toEqual({ CONFIRMED: 0, LOCKED: 0, OPEN: 20 });
    expect(byDate['2026-04-15']).toEqual({ CONFIRMED: 30, LOCKED: 0, OPEN: 0 });
    expect(byDate['2026-04-16']).toEqual({ CONFIRMED: 0, LOCKED: 0, OPEN: 0 });
  });
});
