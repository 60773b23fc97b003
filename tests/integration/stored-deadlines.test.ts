import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { serviceDays } from '@/db/schema';
import { computeConfirmationDeadline } from '@/server/domain/deadline';
import { updateContract } from '@/server/services/contracts/update';
import { autoLockDueServiceDays } from '@/server/services/service-days/auto-lock';
import type { Clock } from '../support/callers';
import { catererAndClient, rejectionOf, agreeContract } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

/**
 * The confirmation deadline is stored per day. A change of its inputs (the client's time zone,
 * the contract's notice or delivery time) moves the deadlines that are still ahead, in the same
 * transaction, and never one that has passed: no settings change re-opens a day.
 */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const rule = (serviceDate: string, deliveryTime: string, noticeHours: number, timeZone: string) =>
  computeConfirmationDeadline({ serviceDate, deliveryTime, noticeHours, timeZone });

/** A contract Mon–Fri from 2026-03-01, created on Monday 2026-03-02 at `now`; its days by date. */
async function setup(options: { now: string; clientTimeZone: string; terms?: Record<string, unknown> }) {
  const clock: Clock = { now: new Date(options.now) };
  const parties = await catererAndClient(t.db, clock, { clientTimeZone: options.clientTimeZone });
  const contract = await agreeContract(parties.caterer, parties.client, options.terms);
  const dayIds = new Map(
    (await parties.client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-01', to: '2026-04-30' })).map((d) => [
      d.serviceDate,
      d.id,
    ]),
  );
  const idOn = (date: string) => {
    const id = dayIds.get(date);
    if (!id) throw new Error(`no service day on ${date}`);
    return id;
  };
  /** Every stored day of the contract (regenerated days included), by date. */
  const stored = async () =>
    new Map((await t.db.select().from(serviceDays).where(eq(serviceDays.contractId, contract.id))).map((d) => [d.serviceDate, d]));
  return { clock, ...parties, contract, idOn, stored };
}

describe("a client's time-zone change", () => {
  it('cannot re-open a passed deadline (the late confirmation stays refused), while open days follow the new zone', async () => {
    // Warsaw client, deliveries at 12:00 (11:00 UTC in March) with 24 h notice.
    const { clock, client, contract, idOn, stored } = await setup({ now: '2026-03-02T10:00:00Z', clientTimeZone: 'Europe/Warsaw' });
    const tuesday = idOn('2026-03-03');
    await client.caller.serviceDay.confirmExpected({ id: idOn('2026-03-04'), quantity: 25 });

    // Tuesday's deadline, Monday 12:00 in Warsaw, has just passed.
    clock.now = new Date('2026-03-02T11:30:00Z');
    expect((await stored()).get('2026-03-03')!.confirmationDeadline).toEqual(new Date('2026-03-02T11:00:00Z'));
    expect((await rejectionOf(client.caller.serviceDay.confirmExpected({ id: tuesday, quantity: 30 }))).code).toBe('CONFLICT');
    const before = await stored();

    // UTC−12 would put Tuesday's deadline at Tuesday 00:00 UTC, 12.5 hours from now.
    expect(rule('2026-03-03', '12:00', 24, 'Etc/GMT+12')).toEqual(new Date('2026-03-03T00:00:00Z'));
    await client.caller.company.update({ timezone: 'Etc/GMT+12' });

    const refused = await rejectionOf(client.caller.serviceDay.confirmExpected({ id: tuesday, quantity: 30 }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/deadline .* passed/);
    const after = await stored();
    expect(after.get('2026-03-03')).toMatchObject({ status: 'PENDING', expectedQuantity: 20 });
    for (const [date, day] of after) {
      const old = before.get(date)!.confirmationDeadline;
      if (old <= clock.now) {
        // Passed (Monday, Tuesday): the stored deadline did not move.
        expect(day.confirmationDeadline, date).toEqual(old);
      } else {
        // Still open (the confirmed Wednesday and every PENDING day after it): the new zone's rule.
        expect(day.confirmationDeadline, date).toEqual(rule(date, '12:00', 24, 'Etc/GMT+12'));
        expect(day.confirmationDeadline.getTime(), date).toBeGreaterThan(old.getTime());
      }
    }
    expect([...after.values()].filter((d) => d.confirmationDeadline <= clock.now).map((d) => d.serviceDate).sort()).toEqual([
      '2026-03-02',
      '2026-03-03',
    ]);

    // The lists and the client dashboard read the stored deadline.
    const listed = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-02', to: '2026-03-06' });
    expect(listed.map((d) => [d.serviceDate, d.deadline])).toEqual(
      [...after.values()]
        .filter((d) => d.serviceDate <= '2026-03-06')
        .sort((a, b) => a.serviceDate.localeCompare(b.serviceDate))
        .map((d) => [d.serviceDate, d.confirmationDeadline]),
    );
    expect(listed.find((d) => d.serviceDate === '2026-03-03')!.canConfirmExpected).toBe(false);
    const dashboard = await client.caller.report.dashboard();
    if (dashboard.companyType !== 'CLIENT') throw new Error('expected the client dashboard');
    expect(dashboard.pendingDays.map((d) => d.serviceDate)).not.toContain('2026-03-03');
    expect(dashboard.pendingDays[0]).toMatchObject({ serviceDate: '2026-03-05', deadline: rule('2026-03-05', '12:00', 24, 'Etc/GMT+12') });

    // Wednesday is open under its moved deadline: after the Warsaw one, before the new one.
    clock.now = new Date('2026-03-03T12:00:00Z');
    await client.caller.serviceDay.confirmExpected({ id: idOn('2026-03-04'), quantity: 26 });

    // The sweep locks Monday and Tuesday by their stored (unchanged) deadlines, nothing else.
    expect(await autoLockDueServiceDays(t.db, { now: clock.now, contractId: contract.id })).toBe(2);
    const swept = await stored();
    for (const date of ['2026-03-02', '2026-03-03']) {
      expect(swept.get(date), date).toMatchObject({ status: 'EXPECTED_CONFIRMED', expectedQuantityConfirmerId: null });
    }
    expect(swept.get('2026-03-05')!.status).toBe('PENDING');
  });

  it("a caterer's time-zone change moves no deadline (they are on the client's clock)", async () => {
    const { caterer, stored } = await setup({ now: '2026-03-02T10:00:00Z', clientTimeZone: 'Europe/Warsaw' });
    const before = await stored();
    await caterer.caller.company.update({ timezone: 'Pacific/Kiritimati' });
    expect(await stored()).toEqual(before);
  });
});

describe('contract.update of notice hours or delivery time', () => {
  // UTC client: the deadline of day D at 12:00 with 24 h notice is D−1 12:00 UTC.
  const now = '2026-03-02T10:00:00Z';

  it('moves the open days to the new terms in the same transaction and leaves passed deadlines alone', async () => {
    const { clock, caterer, client, contract, idOn, stored } = await setup({ now, clientTimeZone: 'UTC' });
    await client.caller.serviceDay.confirmExpected({ id: idOn('2026-03-03'), quantity: 21 });
    await client.caller.serviceDay.confirmExpected({ id: idOn('2026-03-06'), quantity: 22 });
    // Tuesday's deadline (Monday 12:00) passes; Friday's (Thursday 12:00) is still ahead.
    clock.now = new Date('2026-03-02T13:00:00Z');
    const before = await stored();

    await caterer.caller.contract.update({ id: contract.id, noticeHours: 48 });
    const afterNotice = await stored();
    // Passed: Monday (PENDING, now locked) and the confirmed Tuesday keep their 24 h deadline.
    expect(afterNotice.get('2026-03-02')).toMatchObject({ status: 'EXPECTED_CONFIRMED', confirmationDeadline: before.get('2026-03-02')!.confirmationDeadline });
    expect(afterNotice.get('2026-03-03')).toMatchObject({ expectedQuantity: 21, confirmationDeadline: new Date('2026-03-02T12:00:00Z') });
    // Open: the confirmed Friday stays confirmed with the 48 h deadline; regenerated PENDING days too.
    expect(afterNotice.get('2026-03-06')).toMatchObject({ status: 'EXPECTED_CONFIRMED', expectedQuantity: 22, confirmationDeadline: new Date('2026-03-04T12:00:00Z') });
    const open = [...afterNotice.values()].filter((d) => d.serviceDate >= '2026-03-04');
    expect(open.length).toBeGreaterThan(15);
    for (const day of open) expect(day.confirmationDeadline, day.serviceDate).toEqual(rule(day.serviceDate, '12:00', 48, 'UTC'));
    // Wednesday's new deadline (Monday 12:00) has passed: moving a deadline earlier can close a day.
    const wednesday = afterNotice.get('2026-03-04')!;
    expect((await rejectionOf(client.caller.serviceDay.confirmExpected({ id: wednesday.id, quantity: 23 }))).code).toBe('CONFLICT');

    await caterer.caller.contract.update({ id: contract.id, deliveryTime: '08:30' });
    const afterTime = await stored();
    for (const [date, day] of afterTime) {
      const old = afterNotice.get(date)!.confirmationDeadline;
      const expected = old <= clock.now ? old : rule(date, '08:30', 48, 'UTC');
      expect(day.confirmationDeadline, date).toEqual(expected);
    }
    expect(afterTime.get('2026-03-06')).toMatchObject({ expectedQuantity: 22, confirmationDeadline: new Date('2026-03-04T08:30:00Z') });
    expect(afterTime.get('2026-03-04')!.confirmationDeadline).toEqual(wednesday.confirmationDeadline);
  });

  it('the recomputation is part of the update: rolled back with it', async () => {
    const { caterer, client, contract, idOn, stored } = await setup({ now, clientTimeZone: 'UTC' });
    await client.caller.serviceDay.confirmExpected({ id: idOn('2026-03-06'), quantity: 22 });
    const before = await stored();
    const rollback = new Error('roll back');
    await expect(
      t.db.transaction(async (tx) => {
        await updateContract(tx, caterer.session, { id: contract.id, noticeHours: 72, now: new Date(now) });
        const inside = await tx.select().from(serviceDays).where(inArray(serviceDays.id, [idOn('2026-03-06')]));
        expect(inside[0]!.confirmationDeadline).toEqual(rule('2026-03-06', '12:00', 72, 'UTC'));
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await stored()).toEqual(before);
  });
});

describe('the PENDING-and-due index', () => {
  it('serves the sweeps: PENDING days by deadline, due now (auto-lock) or within a window (reminders)', async () => {
    const plans = await t.db.transaction(async (tx) => {
      // A nearly empty table would be scanned whatever the indexes; ask whether one can serve.
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = async (query: ReturnType<typeof sql>) =>
        (await queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${query}`)).map((r) => r['QUERY PLAN']).join('\n');
      return [
        await plan(sql`select id from service_days where status = 'PENDING' and confirmation_deadline <= now()`),
        await plan(sql`select id from service_days where status = 'PENDING' and reminder_sent_at is null
                         and confirmation_deadline > now() and confirmation_deadline <= now() + interval '24 hours'`),
      ];
    });
    for (const plan of plans) expect(plan).toMatch(/service_days_pending_deadline_idx/);
  });
});
