import type { Database } from '@/db/types';
import { addUser, registerCompany, type Clock } from './callers';
import { agreeContract } from './contracts';

/**
 * A small history built through the public API, with figures worked out by hand in the tests.
 *
 * Clock: created Monday 2026-03-02 08:00 UTC (days generated Mar 2 … Mar 30), then moved to
 * Thursday 2026-03-05 18:00 UTC. Everyone is in UTC.
 * - "@Home Kitchen" (caterer, EUR, capacity 100) serves:
 *   A1 → 'Acme, "East" Office': Mon–Fri, default 20 (10–40), €15.00 a meal, 24 h notice.
 *        Mar 4 confirmed at 30; Mar 9 confirmed at 40. Served Mar 2: 18, Mar 3: 20 (disputed,
 *        resolved to 19), Mar 4: 28 (disputed, open). Mar 5 onwards not served.
 *   C1 → "Cobalt Labs": Mon + Wed, default 30, €10.00 a meal; nothing served.
 *   B1 → "Blank Ltd": starts 2026-06-01, so no days in any range of these tests.
 * - "Polish Pantry" (caterer, PLN) serves A2 → Acme from 2026-06-01 (no days either).
 */
export async function buildReportFixture(db: Database) {
  const clock: Clock = { now: new Date('2026-03-02T08:00:00Z') };
  const caterer = await registerCompany(db, { companyType: 'CATERING', companyName: '@Home Kitchen', dailyCapacity: 100, timezone: 'UTC' }, clock);
  const otherCaterer = await registerCompany(db, { companyType: 'CATERING', companyName: 'Polish Pantry', dailyCapacity: 100, timezone: 'UTC' }, clock);
  await otherCaterer.caller.company.update({ currency: 'PLN' });
  const acme = await registerCompany(db, { companyType: 'CLIENT', companyName: 'Acme, "East" Office', timezone: 'UTC' }, clock);
  const cobalt = await registerCompany(db, { companyType: 'CLIENT', companyName: 'Cobalt Labs', timezone: 'UTC' }, clock);
  const blank = await registerCompany(db, { companyType: 'CLIENT', companyName: 'Blank Ltd', timezone: 'UTC' }, clock);
  const acmeEmployee = await addUser(db, acme.session.companyId, 'EMPLOYEE', clock);

  const a1 = await agreeContract(caterer, acme);
  const c1 = await agreeContract(caterer, cobalt, { serviceDays: [1, 3], minDailyQuantity: 10, defaultQuantity: 30, maxQuantity: 50, pricePerMealCents: 1000 });
  const b1 = await agreeContract(caterer, blank, { startDate: '2026-06-01', endDate: '2026-12-31' });
  const a2 = await agreeContract(otherCaterer, acme, { startDate: '2026-06-01', endDate: '2026-12-31', pricePerMealCents: 2500 });

  const days = await acme.caller.serviceDay.list({ contractId: a1.id, from: '2026-03-01', to: '2026-03-31' });
  const dayOn = (date: string) => {
    const day = days.find((d) => d.serviceDate === date);
    if (!day) throw new Error(`no service day on ${date}`);
    return day;
  };
  await acme.caller.serviceDay.confirmExpected({ id: dayOn('2026-03-04').id, quantity: 30 });
  await acme.caller.serviceDay.confirmExpected({ id: dayOn('2026-03-09').id, quantity: 40 });

  clock.now = new Date('2026-03-05T18:00:00Z');
  await caterer.caller.serviceDay.confirmServed({ id: dayOn('2026-03-02').id, quantity: 18 });
  await caterer.caller.serviceDay.confirmServed({ id: dayOn('2026-03-03').id, quantity: 20 });
  await caterer.caller.serviceDay.confirmServed({ id: dayOn('2026-03-04').id, quantity: 28 });
  await acme.caller.serviceDay.dispute({ id: dayOn('2026-03-03').id, reason: 'We counted 19 trays.' });
  await caterer.caller.serviceDay.resolveDispute({ id: dayOn('2026-03-03').id, servedQuantity: 19, note: '+1 tray was a sample, recounted' });
  await acme.caller.serviceDay.dispute({ id: dayOn('2026-03-04').id, reason: '=HYPERLINK("http://evil.test","click"), see photo\nsecond line' });

  return { clock, caterer, otherCaterer, acme, acmeEmployee, cobalt, blank, a1, a2, b1, c1, dayOn };
}
export type ReportFixture = Awaited<ReturnType<typeof buildReportFixture>>;
