import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientDashboard, CatererDashboard } from '@/lib/schemas/report';
import { callerFor, registerCompany } from '../support/callers';
import { rejectionOf, agreeContract } from '../support/contracts';
import { buildReportFixture, type ReportFixture } from '../support/report-fixture';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
let f: ReportFixture;
beforeAll(async () => {
  t = await createTestDb();
  f = await buildReportFixture(t.db);
});
afterAll(() => t.close());

const EUR = (cents: number) => cents; // readability: every amount below is in cents

async function clientDashboard(caller: ReportFixture['acme']['caller']): Promise<ClientDashboard> {
  const dashboard = await caller.report.dashboard();
  if (dashboard.companyType !== 'CLIENT') throw new Error('expected a client dashboard');
  return dashboard;
}

async function catererDashboard(caller: ReportFixture['caterer']['caller']): Promise<CatererDashboard> {
  const dashboard = await caller.report.dashboard();
  if (dashboard.companyType !== 'CATERING') throw new Error('expected a caterer dashboard');
  return dashboard;
}

describe('report.dashboard for a client', () => {
  it('costs the last 30 days per contract: served days final, the rest estimated, a contract without days at zero', async () => {
    const d = await clientDashboard(f.acme.caller);
    expect(d.today).toBe('2026-03-05');
    expect(d.costPeriod).toEqual({ from: '2026-02-04', to: '2026-03-05' });
    // A1: Mar 2 served 18, Mar 3 served 19 (after the resolved dispute), Mar 4 disputed at 28
    // (the confirmed count stands until resolved), Mar 5 not served: 20 expected, an estimate.
    expect(d.costByContract).toEqual([
      {
        contractId: f.a1.id,
        contractStatus: 'ACTIVE',
        counterpartName: '@Home Kitchen',
        currency: 'EUR',
        pricePerMealCents: 1500,
        days: 4,
        expectedMeals: 20 + 20 + 30 + 20,
        servedMeals: 18 + 19 + 28,
        servedCostCents: EUR((18 + 19 + 28) * 1500),
        estimatedCostCents: EUR(20 * 1500),
        estimatedDays: 1,
        totalCostCents: EUR(65 * 1500 + 20 * 1500),
      },
      {
        contractId: f.a2.id,
        contractStatus: 'ACTIVE',
        counterpartName: 'Polish Pantry',
        currency: 'PLN',
        pricePerMealCents: 2500,
        days: 0,
        expectedMeals: 0,
        servedMeals: 0,
        servedCostCents: 0,
        estimatedCostCents: 0,
        estimatedDays: 0,
        totalCostCents: 0,
      },
    ]);
    // Amounts in different currencies are never added up.
    expect(d.costTotals).toEqual([
      { currency: 'EUR', servedCostCents: 97500, estimatedCostCents: 30000, totalCostCents: 127500 },
      { currency: 'PLN', servedCostCents: 0, estimatedCostCents: 0, totalCostCents: 0 },
    ]);
  });

  it('lists the days still open for confirmation, soonest deadline first, with the same deadlines as the service-day list', async () => {
    const d = await clientDashboard(f.acme.caller);
    // Mar 5 and Mar 6 are past their deadlines (Mar 4 and Mar 5, 12:00): Mar 9 … Mar 30 remain,
    // except Mar 9, which is confirmed at 40 (no longer PENDING).
    const expectedDates = ['10', '11', '12', '13', '16', '17', '18', '19', '20', '23', '24', '25', '26', '27', '30'].map(
      (day) => `2026-03-${day}`,
    );
    expect(d.pendingDays.map((p) => p.serviceDate)).toEqual(expectedDates);
    expect(d.pendingDays[0]).toEqual({
      id: f.dayOn('2026-03-10').id,
      contractId: f.a1.id,
      cateringName: '@Home Kitchen',
      serviceDate: '2026-03-10',
      expectedQuantity: 20,
      minDailyQuantity: 10,
      maxQuantity: 40,
      deadline: new Date('2026-03-09T12:00:00Z'),
    });
    const listed = await f.acme.caller.serviceDay.list({ contractId: f.a1.id, from: '2026-03-01', to: '2026-03-31' });
    const listedDeadline = new Map(listed.map((day) => [day.id, day.deadline.getTime()]));
    for (const pending of d.pendingDays) expect(pending.deadline.getTime()).toBe(listedDeadline.get(pending.id));
    expect(d.canConfirm).toBe(true);
  });

  it('drops a day from the list the moment its deadline passes', async () => {
    const late = callerFor(t.db, f.acme.session, { now: new Date('2026-03-09T12:00:00Z') });
    const d = await clientDashboard(late);
    expect(d.pendingDays[0]?.serviceDate).toBe('2026-03-11');
    const justBefore = callerFor(t.db, f.acme.session, { now: new Date('2026-03-09T11:59:59Z') });
    expect((await clientDashboard(justBefore)).pendingDays[0]?.serviceDate).toBe('2026-03-10');
  });

  it('charts expected against served meals for every date of the last 30 days and the next week', async () => {
    const d = await clientDashboard(f.acme.caller);
    expect(d.mealsByDay).toHaveLength(30 + 7);
    expect(d.mealsByDay[0]).toEqual({ date: '2026-02-04', expected: 0, served: null });
    expect(d.mealsByDay.at(-1)).toEqual({ date: '2026-03-12', expected: 20, served: null });
    const byDate = Object.fromEntries(d.mealsByDay.map((m) => [m.date, m]));
    expect(byDate['2026-03-02']).toEqual({ date: '2026-03-02', expected: 20, served: 18 });
    expect(byDate['2026-03-03']).toEqual({ date: '2026-03-03', expected: 20, served: 19 });
    expect(byDate['2026-03-04']).toEqual({ date: '2026-03-04', expected: 30, served: 28 });
    expect(byDate['2026-03-05']).toEqual({ date: '2026-03-05', expected: 20, served: null });
    expect(byDate['2026-03-07']).toEqual({ date: '2026-03-07', expected: 0, served: null });
    expect(byDate['2026-03-09']).toEqual({ date: '2026-03-09', expected: 40, served: null });
  });

  it('shows a read-only user the same figures without the right to confirm', async () => {
    const d = await clientDashboard(f.acmeEmployee.caller);
    expect(d.canConfirm).toBe(false);
    expect(d.costTotals[0]?.totalCostCents).toBe(127500);
  });

  it("never shows another tenant's figures", async () => {
    const d = await clientDashboard(f.cobalt.caller);
    expect(d.costByContract.map((c) => c.contractId)).toEqual([f.c1.id]);
    expect(d.pendingDays.every((p) => p.contractId === f.c1.id)).toBe(true);
    // Cobalt's own days: Mondays and Wednesdays at 30.
    expect(d.mealsByDay.find((m) => m.date === '2026-03-04')).toEqual({ date: '2026-03-04', expected: 30, served: null });
  });

  it('is refused when signed out', async () => {
    const error = await rejectionOf(callerFor(t.db, null).report.dashboard());
    expect(error.code).toBe('UNAUTHORIZED');
  });
});

describe('report.dashboard for a caterer', () => {
  it('plans the next 14 days against capacity, stacked by client', async () => {
    const d = await catererDashboard(f.caterer.caller);
    expect(d.today).toBe('2026-03-05');
    expect(d.dailyCapacity).toBe(100);
    expect(d.currency).toBe('EUR');
    const { days, clients } = d.productionPlan;
    expect(days.map((p) => p.date)).toEqual([
      '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11',
      '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16', '2026-03-17', '2026-03-18',
    ]);
    expect(clients).toEqual([
      { clientId: f.acme.session.companyId, clientName: 'Acme, "East" Office' },
      { clientId: f.cobalt.session.companyId, clientName: 'Cobalt Labs' },
    ]);
    const acme = f.acme.session.companyId;
    const cobalt = f.cobalt.session.companyId;
    // Today (Mar 5): Acme's count locked at its deadline.
    expect(days[0]).toEqual({ date: '2026-03-05', totalMeals: 20, utilisation: 0.2, byClient: { [acme]: 20 }, byStatus: { CONFIRMED: 0, LOCKED: 20, OPEN: 0 } });
    expect(days[2]).toEqual({ date: '2026-03-07', totalMeals: 0, utilisation: 0, byClient: {}, byStatus: { CONFIRMED: 0, LOCKED: 0, OPEN: 0 } });
    // Monday Mar 9: Acme confirmed 40, Cobalt's default 30 still open (an estimate).
    expect(days[4]).toEqual({ date: '2026-03-09', totalMeals: 70, utilisation: 0.7, byClient: { [acme]: 40, [cobalt]: 30 }, byStatus: { CONFIRMED: 40, LOCKED: 0, OPEN: 30 } });
    expect(days[6]).toEqual({ date: '2026-03-11', totalMeals: 50, utilisation: 0.5, byClient: { [acme]: 20, [cobalt]: 30 }, byStatus: { CONFIRMED: 0, LOCKED: 0, OPEN: 50 } });
  });

  it('counts delivered days still waiting for a served count, oldest first', async () => {
    const d = await catererDashboard(f.caterer.caller);
    // Cobalt Mar 2 and Mar 4 were never served; Acme Mar 5 was delivered at 12:00 today.
    expect(d.awaitingServed.count).toBe(3);
    expect(d.awaitingServed.oldest.map((day) => [day.serviceDate, day.clientName])).toEqual([
      ['2026-03-02', 'Cobalt Labs'],
      ['2026-03-04', 'Cobalt Labs'],
      ['2026-03-05', 'Acme, "East" Office'],
    ]);
    // Before today's delivery time, today's day is not awaiting yet.
    const morning = callerFor(t.db, f.caterer.session, { now: new Date('2026-03-05T11:59:00Z') });
    expect((await catererDashboard(morning)).awaitingServed.count).toBe(2);
  });

  it('lists open disputes only (a resolved one is gone)', async () => {
    const d = await catererDashboard(f.caterer.caller);
    expect(d.openDisputes).toEqual([
      {
        id: f.dayOn('2026-03-04').id,
        contractId: f.a1.id,
        clientName: 'Acme, "East" Office',
        serviceDate: '2026-03-04',
        expectedQuantity: 30,
        servedQuantity: 28,
        disputeReason: '=HYPERLINK("http://evil.test","click"), see photo\nsecond line',
        disputedAt: new Date('2026-03-05T18:00:00Z'),
      },
    ]);
  });

  it('reports revenue of the last 30 days per contract, a contract without days at zero', async () => {
    const d = await catererDashboard(f.caterer.caller);
    expect(d.revenuePeriod).toEqual({ from: '2026-02-04', to: '2026-03-05' });
    const byContract = Object.fromEntries(d.revenueByContract.map((c) => [c.contractId, c]));
    expect(d.revenueByContract.map((c) => c.counterpartName)).toEqual(['Acme, "East" Office', 'Blank Ltd', 'Cobalt Labs']);
    expect(byContract[f.a1.id]).toMatchObject({ days: 4, servedCostCents: 97500, estimatedCostCents: 30000, totalCostCents: 127500 });
    expect(byContract[f.b1.id]).toMatchObject({ days: 0, expectedMeals: 0, servedMeals: 0, totalCostCents: 0, estimatedDays: 0 });
    // Cobalt: Mar 2 and Mar 4 at the default 30, €10.00 each, both estimates.
    expect(byContract[f.c1.id]).toMatchObject({ days: 2, expectedMeals: 60, servedMeals: 0, servedCostCents: 0, estimatedCostCents: 60000, estimatedDays: 2 });
    expect(d.revenueTotals).toEqual([{ currency: 'EUR', servedCostCents: 97500, estimatedCostCents: 90000, totalCostCents: 187500 }]);
  });

  it('hides a paused contract without days in the period, but keeps one that has days', async () => {
    const paused = await f.otherCaterer.caller.contract.pause({ id: f.a2.id });
    expect(paused.status).toBe('PAUSED');
    try {
      const d = await clientDashboard(f.acme.caller);
      expect(d.costByContract.map((c) => c.contractId)).toEqual([f.a1.id]);
    } finally {
      await f.otherCaterer.caller.contract.resume({ id: f.a2.id });
    }
  });
});

describe('report.weekly', () => {
  it('lists a week of days with their costs and totals', async () => {
    const report = await f.acme.caller.report.weekly({ contractId: f.a1.id, from: '2026-03-02', to: '2026-03-08' });
    expect(report.contract).toEqual({
      id: f.a1.id,
      status: 'ACTIVE',
      cateringName: '@Home Kitchen',
      clientName: 'Acme, "East" Office',
      currency: 'EUR',
      pricePerMealCents: 1500,
      clientTimeZone: 'UTC',
    });
    expect(report.rows.map((r) => [r.serviceDate, r.status, r.expectedQuantity, r.servedQuantity, r.costCents, r.costIsEstimate])).toEqual([
      ['2026-03-02', 'SERVED_CONFIRMED', 20, 18, 27000, false],
      ['2026-03-03', 'SERVED_CONFIRMED', 20, 19, 28500, false],
      ['2026-03-04', 'DISPUTED', 30, 28, 42000, false],
      ['2026-03-05', 'PENDING', 20, null, 30000, true],
      ['2026-03-06', 'PENDING', 20, null, 30000, true],
    ]);
    expect(report.rows[1]).toMatchObject({ originalServedQuantity: 20, dayOfWeek: 2 });
    expect(report.totals).toEqual({
      days: 5,
      expectedMeals: 110,
      servedMeals: 65,
      servedCostCents: 97500,
      estimatedCostCents: 60000,
      totalCostCents: 157500,
      isEstimate: true,
    });
  });

  it('gives the caterer the same figures', async () => {
    const mine = await f.caterer.caller.report.weekly({ contractId: f.a1.id, from: '2026-03-02', to: '2026-03-08' });
    expect(mine.totals.totalCostCents).toBe(157500);
  });

  it('answers a contract without days in the range with no rows and zero totals', async () => {
    const report = await f.caterer.caller.report.weekly({ contractId: f.b1.id, from: '2026-03-02', to: '2026-03-08' });
    expect(report.rows).toEqual([]);
    expect(report.totals).toEqual({ days: 0, expectedMeals: 0, servedMeals: 0, servedCostCents: 0, estimatedCostCents: 0, totalCostCents: 0, isEstimate: false });
  });

  it("answers another tenant's contract exactly like a missing one", async () => {
    const foreign = await rejectionOf(f.otherCaterer.caller.report.weekly({ contractId: f.a1.id, from: '2026-03-02', to: '2026-03-08' }));
    const missing = await rejectionOf(
      f.otherCaterer.caller.report.weekly({ contractId: '00000000-0000-4000-8000-000000000000', from: '2026-03-02', to: '2026-03-08' }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
    expect(missing.code).toBe('NOT_FOUND');
    expect(foreign.message).toBe(missing.message);
    expect((await rejectionOf(f.cobalt.caller.report.weekly({ contractId: f.a1.id, from: '2026-03-02', to: '2026-03-08' }))).code).toBe('NOT_FOUND');
  });

  it('refuses a range that is reversed, too long or not made of dates', async () => {
    const reversed = await rejectionOf(f.acme.caller.report.weekly({ contractId: f.a1.id, from: '2026-03-08', to: '2026-03-02' }));
    const tooLong = await rejectionOf(f.acme.caller.report.weekly({ contractId: f.a1.id, from: '2026-01-01', to: '2027-01-02' }));
    const notADate = await rejectionOf(f.acme.caller.report.weekly({ contractId: f.a1.id, from: '2026-02-30', to: '2026-03-02' }));
    expect([reversed.code, tooLong.code, notADate.code]).toEqual(['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST']);
    // 366 days inclusive is the most one report covers.
    const year = await f.acme.caller.report.weekly({ contractId: f.a1.id, from: '2026-01-01', to: '2027-01-01' });
    expect(year.rows).toHaveLength(21); // every generated weekday, Mar 2 … Mar 30
  });
});

describe('report.dashboard in a time zone with daylight-saving time', () => {
  it("uses the client's calendar and the same deadlines as the service-day list across the clock change", async () => {
    // Monday 2026-03-23 23:30 UTC is already Tuesday 00:30 in Warsaw; clocks go forward on Sunday Mar 29.
    const clock = { now: new Date('2026-03-23T23:30:00Z') };
    const caterer = await registerCompany(t.db, { companyType: 'CATERING', timezone: 'Europe/Warsaw' }, clock);
    const client = await registerCompany(t.db, { companyType: 'CLIENT', timezone: 'Europe/Warsaw' }, clock);
    const contract = await agreeContract(caterer, client, { noticeHours: 30 });
    const d = await clientDashboard(client.caller);
    expect(d.today).toBe('2026-03-24');
    expect(d.costPeriod).toEqual({ from: '2026-02-23', to: '2026-03-24' });
    const listed = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-01', to: '2026-04-30' });
    const listedDeadline = new Map(listed.map((day) => [day.id, day.deadline.getTime()]));
    expect(d.pendingDays.length).toBeGreaterThan(10);
    for (const pending of d.pendingDays) expect(pending.deadline.getTime()).toBe(listedDeadline.get(pending.id));
    // Wednesday Mar 25, 12:00 CET − 30 h = Tuesday 06:00 CET (05:00 UTC); Tuesday's own deadline has passed.
    expect(d.pendingDays[0]).toMatchObject({ serviceDate: '2026-03-25', deadline: new Date('2026-03-24T05:00:00Z') });
    // Tuesday Mar 31 (summer time), 12:00 CEST − 30 h = Monday 06:00 CEST (04:00 UTC).
    expect(d.pendingDays.find((p) => p.serviceDate === '2026-03-31')?.deadline).toEqual(new Date('2026-03-30T04:00:00Z'));
  });
});
