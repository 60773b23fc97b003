import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import type { Clock } from '../support/callers';
import { catererAndClient, fieldsOf, rejectionOf, snapshot, agreeContract } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

// Tuesday 10 March 2026, 09:00 UTC: Mon 9 Mar is past, Wed 11 Mar ahead.
const NOW = '2026-03-10T09:00:00Z';

async function serve(db: TestDb['db'], contractId: string, date: string, quantity: number) {
  await db.execute(sql`update service_days set status = 'SERVED_CONFIRMED', served_quantity = ${quantity},
    served_quantity_confirmed_at = now() where contract_id = ${contractId} and service_date = ${date}::date`);
}

async function setup(options: { currency?: string } = {}) {
  const clock: Clock = { now: new Date(NOW) };
  const parties = await catererAndClient(t.db, clock);
  if (options.currency) await parties.caterer.caller.company.update({ currency: options.currency });
  const contract = await agreeContract(parties.caterer, parties.client, { startDate: '2026-03-01', pricePerMealCents: 1500 });
  // Days before today, as if they had been generated back then.
  await t.db.execute(sql`insert into service_days (contract_id, service_date, day_of_week, expected_quantity, confirmation_deadline, status)
    values (${contract.id}, '2026-03-09', 1, 20, '2026-03-08T12:00:00Z', 'EXPECTED_CONFIRMED')`);
  await serve(t.db, contract.id, '2026-03-09', 18);
  return { ...parties, clock, contract };
}

describe('currency per contract', () => {
  it("is the caterer's currency at creation and never relabelled when the company's currency changes", async () => {
    const { caterer, client, contract } = await setup({ currency: 'PLN' });
    expect(contract.currency).toBe('PLN');
    await caterer.caller.company.update({ currency: 'EUR' });
    expect((await caterer.caller.contract.get({ id: contract.id })).currency).toBe('PLN');
    expect((await client.caller.contract.get({ id: contract.id })).currency).toBe('PLN');
    const days = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-09', to: '2026-03-09' });
    expect(days[0]).toMatchObject({ currency: 'PLN', costCents: 18 * 1500 });
    const dashboard = await client.caller.report.dashboard();
    if (dashboard.companyType !== 'CLIENT') throw new Error('client dashboard');
    expect(dashboard.costByContract.map((c) => c.currency)).toEqual(['PLN']);
    const weekly = await caterer.caller.report.weekly({ contractId: contract.id, from: '2026-03-09', to: '2026-03-13' });
    expect(weekly.contract.currency).toBe('PLN');
  });
});

describe('contract.update with a price effective from a date', () => {
  it('keeps the old price before the date and uses the new one from it, everywhere a day is costed', async () => {
    const { caterer, client, contract } = await setup();
    const updated = await caterer.caller.contract.update({ id: contract.id, pricePerMealCents: 1700, priceEffectiveFrom: '2026-03-12' });
    expect(updated.pricePeriods).toEqual([
      { from: '2026-03-01', to: '2026-03-11', pricePerMealCents: 1500 },
      { from: '2026-03-12', to: null, pricePerMealCents: 1700 },
    ]);
    expect(updated.pricePerMealCents).toBe(1700);

    const days = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-09', to: '2026-03-13' });
    expect(days.map((d) => [d.serviceDate, d.pricePerMealCents, d.costCents])).toEqual([
      ['2026-03-09', 1500, 18 * 1500],
      ['2026-03-10', 1500, 20 * 1500],
      ['2026-03-11', 1500, 20 * 1500],
      ['2026-03-12', 1700, 20 * 1700],
      ['2026-03-13', 1700, 20 * 1700],
    ]);
    const weekly = await caterer.caller.report.weekly({ contractId: contract.id, from: '2026-03-09', to: '2026-03-13' });
    expect(weekly.rows.map((r) => r.costCents)).toEqual(days.map((d) => d.costCents));

    const dashboard = await client.caller.report.dashboard();
    if (dashboard.companyType !== 'CLIENT') throw new Error('client dashboard');
    // The last 30 days up to today (10 Mar): the served 9 Mar and the estimated 10 Mar, both at 15.00.
    expect(dashboard.costByContract[0]).toMatchObject({ servedCostCents: 18 * 1500, estimatedCostCents: 20 * 1500 });
  });

  it("without a date, a new price starts on the client's today: past days keep theirs", async () => {
    const { caterer, client, contract } = await setup();
    await caterer.caller.contract.update({ id: contract.id, pricePerMealCents: 2000 });
    const days = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-09', to: '2026-03-10' });
    expect(days.map((d) => d.costCents)).toEqual([18 * 1500, 20 * 2000]);
  });

  it('a scheduled change can be replaced by another; the latest price is the contract price', async () => {
    const { caterer, contract } = await setup();
    await caterer.caller.contract.update({ id: contract.id, pricePerMealCents: 1700, priceEffectiveFrom: '2026-04-01' });
    const again = await caterer.caller.contract.update({ id: contract.id, pricePerMealCents: 1600, priceEffectiveFrom: '2026-03-20' });
    expect(again.pricePeriods).toEqual([
      { from: '2026-03-01', to: '2026-03-19', pricePerMealCents: 1500 },
      { from: '2026-03-20', to: null, pricePerMealCents: 1600 },
    ]);
    // Saving other terms with the same price leaves the periods alone.
    const other = await caterer.caller.contract.update({ id: contract.id, pricePerMealCents: 1600, maxQuantity: 45 });
    expect(other.pricePeriods).toEqual(again.pricePeriods);
  });

  it.each([
    ['a date before the client’s today', { pricePerMealCents: 1700, priceEffectiveFrom: '2026-03-09' }, 'priceEffectiveFrom'],
    ['a date after the contract ends', { pricePerMealCents: 1700, priceEffectiveFrom: '2027-01-01' }, 'priceEffectiveFrom'],
    ['a date without a price', { priceEffectiveFrom: '2026-03-20' }, 'pricePerMealCents'],
    ['an invalid date', { pricePerMealCents: 1700, priceEffectiveFrom: '2026-02-30' }, 'priceEffectiveFrom'],
  ])('%s is BAD_REQUEST on its field and changes nothing', async (_label, change, field) => {
    const { caterer, contract } = await setup();
    const before = await snapshot(t.db);
    const periods = await queryRows(t.db, sql`select * from contract_prices order by id`);
    const error = await rejectionOf(caterer.caller.contract.update({ id: contract.id, ...change }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldsOf(error)).toEqual([field]);
    expect(await snapshot(t.db)).toEqual(before);
    expect(await queryRows(t.db, sql`select * from contract_prices order by id`)).toEqual(periods);
  });

  it("the client cannot change the price (FORBIDDEN), another caterer does not see it (NOT_FOUND); the periods stay", async () => {
    const { client, contract } = await setup();
    const other = await setup();
    for (const [caller, code] of [[client.caller, 'FORBIDDEN'], [other.caterer.caller, 'NOT_FOUND']] as const) {
      const error = await rejectionOf(caller.contract.update({ id: contract.id, pricePerMealCents: 1, priceEffectiveFrom: '2026-03-20' }));
      expect(error.code).toBe(code);
    }
    expect((await client.caller.contract.get({ id: contract.id })).pricePeriods).toEqual([
      { from: '2026-03-01', to: null, pricePerMealCents: 1500 },
    ]);
  });

  it('moving the start date earlier extends the first period back', async () => {
    const { caterer, contract } = await setup();
    const updated = await caterer.caller.contract.update({ id: contract.id, startDate: '2026-02-01' });
    expect(updated.pricePeriods).toEqual([{ from: '2026-02-01', to: null, pricePerMealCents: 1500 }]);
  });
});
