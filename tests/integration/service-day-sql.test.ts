import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { clientOfficeDays } from '@/db/schema';
import { computeConfirmationDeadline } from '@/server/domain/deadline';
import { contractServiceDates, generationWindow } from '@/server/domain/service-dates';
import { autoLockDueServiceDays } from '@/server/services/service-days/auto-lock';
import { generateServiceDays } from '@/server/services/service-days/generation';
import type { Clock } from '../support/callers';
import { catererAndClient, agreeContract } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function datesOf(contractId: string): Promise<string[]> {
  const rows = await queryRows<{ d: string }>(
    t.db,
    sql`select to_char(service_date, 'YYYY-MM-DD') as d from service_days where contract_id = ${contractId}::uuid order by service_date`,
  );
  return rows.map((r) => r.d);
}

describe('generateServiceDays agrees with contractServiceDates', () => {
  const cases = [
    {
      name: 'office closed on Wednesdays and weekends (Warsaw)',
      now: '2026-03-02T09:00:00Z',
      zone: 'Europe/Warsaw',
      officeDays: [
        { dayOfWeek: 3, isWorkDay: false },
        { dayOfWeek: 6, isWorkDay: false },
        { dayOfWeek: 7, isWorkDay: false },
        { dayOfWeek: 1, isWorkDay: true },
      ],
      terms: { serviceDays: [1, 3, 5, 6] },
    },
    {
      name: 'contract ending mid-week',
      now: '2026-03-02T09:00:00Z',
      zone: 'UTC',
      officeDays: [],
      terms: { startDate: '2026-02-01', endDate: '2026-03-11', serviceDays: [1, 2, 3, 4, 5] },
    },
    {
      // 23:30 UTC on Sunday is already Monday in Tokyo: the window starts on Monday there.
      name: 'client zone a day ahead of UTC',
      now: '2026-03-01T23:30:00Z',
      zone: 'Asia/Tokyo',
      officeDays: [],
      terms: { serviceDays: [1, 7] },
    },
    {
      // 02:00 UTC on Monday is still Sunday in Los Angeles.
      name: 'client zone a day behind UTC, starting in the future',
      now: '2026-03-02T02:00:00Z',
      zone: 'America/Los_Angeles',
      officeDays: [{ dayOfWeek: 2, isWorkDay: false }],
      terms: { startDate: '2026-03-10', serviceDays: [7, 1, 2] },
    },
  ];

  it.each(cases)('$name', async ({ now, zone, officeDays, terms }) => {
    const clock: Clock = { now: new Date(now) };
    const { caterer, client } = await catererAndClient(t.db, clock, { clientTimeZone: zone });
    if (officeDays.length) {
      await t.db.insert(clientOfficeDays).values(officeDays.map((d) => ({ ...d, companyId: client.session.companyId })));
    }
    const contract = await agreeContract(caterer, client, terms);
    const expected = contractServiceDates({
      startDate: contract.startDate,
      endDate: contract.endDate,
      serviceDays: contract.serviceDays,
      officeDays,
      ...generationWindow(clock.now, zone),
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(await datesOf(contract.id)).toEqual(expected);
    // Running it again (the cron) creates nothing new.
    expect(await generateServiceDays(t.db, { now: clock.now })).toBe(0);
    expect(await generateServiceDays(t.db, { now: clock.now, contractId: contract.id })).toBe(0);
    expect(await datesOf(contract.id)).toEqual(expected);
  });

  it('the cron run generates for every ACTIVE contract and skips paused ones', async () => {
    const clock: Clock = { now: new Date('2026-03-02T09:00:00Z') };
    const a = await catererAndClient(t.db, clock);
    const b = await catererAndClient(t.db, clock);
    const active = await agreeContract(a.caterer, a.client);
    const paused = await agreeContract(b.caterer, b.client);
    await b.caterer.caller.contract.pause({ id: paused.id });
    // Pausing kept only today's day, already past its deadline (locked, not deleted).
    expect(await datesOf(paused.id)).toEqual(['2026-03-02']);
    const before = await datesOf(active.id);
    // A week later the window has moved by a week: 5 new weekdays for the active contract.
    clock.now = new Date('2026-03-09T09:00:00Z');
    expect(await generateServiceDays(t.db, { now: clock.now })).toBeGreaterThanOrEqual(5);
    expect(await datesOf(paused.id)).toEqual(['2026-03-02']);
    const after = await datesOf(active.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual(['2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-06']);
  });
});

describe('generation stores the deadline of computeConfirmationDeadline', () => {
  const cases: [string, string, number, string, number[]][] = [
    // Warsaw springs forward on Sun 2026-03-29 and falls back on Sun 2026-10-25.
    ['2026-03-23T09:00:00Z', '12:00', 24, 'Europe/Warsaw', [6, 7, 1]],
    ['2026-03-23T09:00:00Z', '02:30', 0, 'Europe/Warsaw', [7]], // 02:30 does not exist that Sunday
    ['2026-10-19T09:00:00Z', '09:30', 48, 'Europe/Warsaw', [6, 7, 1]],
    ['2026-10-19T09:00:00Z', '02:30', 1, 'Europe/Warsaw', [7]], // 02:30 happens twice that Sunday
    ['2026-11-01T00:00:00Z', '01:30', 5, 'America/New_York', [7, 1]], // fall back that Sunday
    ['2026-06-10T00:00:00Z', '00:00', 7, 'Asia/Kolkata', [1, 2, 3, 4, 5, 6, 7]],
  ];
  it.each(cases)('from %s, delivery %s, %i h notice, %s', async (now, deliveryTime, noticeHours, timeZone, serviceDays) => {
    const clock: Clock = { now: new Date(now) };
    const { caterer, client } = await catererAndClient(t.db, clock, { clientTimeZone: timeZone });
    const contract = await agreeContract(caterer, client, { startDate: '2026-03-01', serviceDays, deliveryTime, noticeHours });
    const rows = await queryRows<{ service_date: string; deadline: Date | string }>(
      t.db,
      sql`select to_char(service_date, 'YYYY-MM-DD') as service_date, confirmation_deadline as deadline
          from service_days where contract_id = ${contract.id}::uuid order by service_date`,
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const pure = computeConfirmationDeadline({ serviceDate: row.service_date, deliveryTime, noticeHours, timeZone });
      expect(new Date(row.deadline).toISOString(), row.service_date).toBe(pure.toISOString());
    }
  });
});

describe('autoLockDueServiceDays', () => {
  it('locks exactly the PENDING days at or past their deadline, one event each, across a DST change', async () => {
    // Warsaw client, Sundays 12:00, 24 h notice; 2026-03-29 is the spring-forward Sunday.
    const clock: Clock = { now: new Date('2026-03-20T09:00:00Z') };
    const { caterer, client } = await catererAndClient(t.db, clock, { clientTimeZone: 'Europe/Warsaw' });
    const contract = await agreeContract(caterer, client, { serviceDays: [7], noticeHours: 24 });
    const deadline = computeConfirmationDeadline({
      serviceDate: '2026-03-29',
      deliveryTime: '12:00',
      noticeHours: 24,
      timeZone: 'Europe/Warsaw',
    });
    // Saturday 12:00 CET = 11:00 UTC (delivery is 12:00 CEST = 10:00 UTC, minus 24 real hours).
    expect(deadline.toISOString()).toBe('2026-03-28T10:00:00.000Z');

    const justBefore = new Date(deadline.getTime() - 1000);
    const lockedBefore = await autoLockDueServiceDays(t.db, { now: justBefore });
    const stillPending = await queryRows<{ status: string }>(
      t.db,
      sql`select status from service_days where contract_id = ${contract.id}::uuid and service_date = '2026-03-29'`,
    );
    expect(stillPending[0]!.status).toBe('PENDING');
    // Earlier Sundays (22nd) are due already and were locked by that sweep.
    expect(lockedBefore).toBeGreaterThanOrEqual(1);

    const locked = await autoLockDueServiceDays(t.db, { now: deadline, contractId: contract.id });
    expect(locked).toBe(1);
    const [day] = await queryRows<{ id: string; status: string; confirmer: string | null; confirmed_at: Date | string }>(
      t.db,
      sql`select id, status, expected_quantity_confirmer_id as confirmer, expected_quantity_confirmed_at as confirmed_at
          from service_days where contract_id = ${contract.id}::uuid and service_date = '2026-03-29'`,
    );
    expect(day!.status).toBe('EXPECTED_CONFIRMED');
    expect(day!.confirmer).toBeNull();
    expect(new Date(day!.confirmed_at).toISOString()).toBe(deadline.toISOString());
    const events = await queryRows<{ event_type: string; payload: Record<string, unknown> }>(
      t.db,
      sql`select event_type, payload from outbox_events where aggregate_id = ${day!.id}::uuid`,
    );
    expect(events).toEqual([
      {
        event_type: 'service_day.expected_auto_locked',
        payload: {
          contractId: contract.id,
          cateringId: caterer.session.companyId,
          clientId: client.session.companyId,
          actorCompanyId: null,
          actorUserId: null,
          serviceDayId: day!.id,
          serviceDate: '2026-03-29',
          expectedQuantity: 20,
        },
      },
    ]);
    // A second sweep at the same instant finds nothing more.
    expect(await autoLockDueServiceDays(t.db, { now: deadline, contractId: contract.id })).toBe(0);
  });

  it('the cron sweep locks in batches until every due day is locked, leaving deleted contracts alone', async () => {
    const clock: Clock = { now: new Date('2026-05-01T09:00:00Z') };
    const a = await catererAndClient(t.db, clock);
    const b = await catererAndClient(t.db, clock);
    const kept = await agreeContract(a.caterer, a.client, { startDate: '2026-05-04', endDate: '2026-12-31', serviceDays: [1, 2, 3, 4, 5] });
    const deleted = await agreeContract(b.caterer, b.client, { startDate: '2026-05-04', endDate: '2026-12-31', serviceDays: [1, 2, 3, 4, 5] });
    await t.db.execute(sql`update contracts set deleted_at = ${clock.now.toISOString()}::timestamptz where id = ${deleted.id}::uuid`);
    // Two weeks later: ten weekdays of each contract are due (deadline 24 h before 12:00).
    const now = new Date('2026-05-16T12:00:00Z');
    const dueOf = (contractId: string) =>
      queryRows<{ id: string }>(
        t.db,
        sql`select id from service_days where contract_id = ${contractId}::uuid and status = 'PENDING'
            and confirmation_deadline <= ${now.toISOString()}::timestamptz order by id`,
      );
    const [allDue] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from service_days sd join contracts c on c.id = sd.contract_id
          where sd.status = 'PENDING' and sd.confirmation_deadline <= ${now.toISOString()}::timestamptz and c.deleted_at is null`,
    );
    const keptDue = await dueOf(kept.id);
    const deletedDue = await dueOf(deleted.id);
    expect(keptDue.length).toBe(10);
    expect(deletedDue.length).toBe(10);

    // Batches of 3: 10+ days take several statements, all in the one transaction.
    const locked = await autoLockDueServiceDays(t.db, { now, batchSize: 3 });
    expect(locked).toBe(allDue!.n);
    expect(await dueOf(kept.id)).toEqual([]);
    expect(await dueOf(deleted.id)).toEqual(deletedDue);
    const [events] = await queryRows<{ n: number; days: number }>(
      t.db,
      sql`select count(*)::int as n, count(distinct aggregate_id)::int as days from outbox_events
          where event_type = 'service_day.expected_auto_locked' and aggregate_id in (
            select id from service_days where contract_id = ${kept.id}::uuid)`,
    );
    expect(events).toEqual({ n: 10, days: 10 });
    // Nothing is left for the next sweep.
    expect(await autoLockDueServiceDays(t.db, { now, batchSize: 3 })).toBe(0);
  });
});
