import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { serviceDays } from '@/db/schema';
import { computeConfirmationDeadline } from '@/server/domain/deadline';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { registerCompany, type Clock } from '../support/callers';
import { catererAndClient, eventsFor, rejectionOf, agreeContract } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

/** SPEC §14: business-day notice, closures of either party, public holidays, honest terms. */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function setup(options: { now: string; clientTimeZone?: string; terms?: Record<string, unknown>; holidayCountry?: string }) {
  const clock: Clock = { now: new Date(options.now) };
  const parties = await catererAndClient(t.db, clock, { clientTimeZone: options.clientTimeZone ?? 'UTC' });
  if (options.holidayCountry) await parties.client.caller.company.update({ holidayCountry: options.holidayCountry });
  const contract = await agreeContract(parties.caterer, parties.client, options.terms);
  /** Every stored day of the contract, by date. */
  const stored = async (contractId = contract.id) =>
    new Map((await t.db.select().from(serviceDays).where(eq(serviceDays.contractId, contractId))).map((d) => [d.serviceDate, d]));
  const dates = async (contractId = contract.id) =>
    [...(await stored(contractId)).values()].filter((d) => d.status !== 'CANCELLED').map((d) => d.serviceDate).sort();
  return { clock, ...parties, contract, stored, dates };
}

describe('generation skips closed days', () => {
  it('skips the public holidays of the client (PL: 24–26 Dec, 1 and 6 Jan) and closures of either party', async () => {
    const { clock, caterer, client, contract, dates } = await setup({
      now: '2026-12-14T08:00:00Z',
      clientTimeZone: 'Europe/Warsaw',
      holidayCountry: 'PL',
      terms: { startDate: '2026-12-14', endDate: '2027-03-31', serviceDays: [1, 2, 3, 4, 5, 6, 7] },
    });
    const planned = await dates();
    for (const holiday of ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06']) {
      expect(planned, holiday).not.toContain(holiday);
    }
    expect(planned).toContain('2026-12-23');
    expect(planned).toContain('2026-12-27');

    // A closed kitchen (caterer) and a closed office (client), recorded before the days exist.
    clock.now = new Date('2026-12-14T08:00:00Z');
    await caterer.caller.company.addClosure({ from: '2027-01-12', to: '2027-01-13', reason: 'Kitchen renovation' });
    await client.caller.company.addClosure({ from: '2027-01-15', to: '2027-01-15', reason: 'Office move' });
    clock.now = new Date('2026-12-28T08:00:00Z');
    await generateServiceDays(t.db, { now: clock.now, contractId: contract.id });
    const later = await dates();
    expect(later).toContain('2027-01-11');
    expect(later).toContain('2027-01-14');
    for (const closed of ['2027-01-12', '2027-01-13', '2027-01-15']) expect(later, closed).not.toContain(closed);
  });
});

describe('adding and removing a closure', () => {
  // Mon–Fri, 12:00 UTC, 24 h notice; now is Monday 2 March 10:00 UTC: Monday's deadline has passed.
  const now = '2026-03-02T10:00:00Z';

  it('cancels exactly the days whose deadline is ahead, names the rest, and tells the other party', async () => {
    const { client, caterer, contract, stored } = await setup({ now });
    const before = await stored();
    await client.caller.serviceDay.confirmExpected({ id: before.get('2026-03-04')!.id, quantity: 30 });

    const answer = await client.caller.company.addClosure({ from: '2026-03-02', to: '2026-03-06', reason: 'Office closed for a strike' });
    expect(answer.cancelled.map((d) => d.serviceDate)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    expect(answer.kept).toEqual([expect.objectContaining({ serviceDate: '2026-03-02', status: 'PENDING' })]);
    expect(answer.closure).toMatchObject({ own: true, from: '2026-03-02', to: '2026-03-06', contractId: null });

    const after = await stored();
    expect(after.get('2026-03-02')).toMatchObject({ status: 'PENDING', expectedQuantity: 20 });
    for (const date of ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']) {
      expect(after.get(date), date).toMatchObject({ status: 'CANCELLED', expectedQuantity: 0, cancellationReason: 'Office closed for a strike' });
    }
    expect(after.get('2026-03-09')!.status).toBe('PENDING');

    // Kept, costs nothing, no longer confirmable.
    const listed = await caterer.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-03', to: '2026-03-03' });
    expect(listed[0]).toMatchObject({ status: 'CANCELLED', costCents: 0, costIsEstimate: false, canConfirmExpected: false });
    const refused = await rejectionOf(client.caller.serviceDay.confirmExpected({ id: after.get('2026-03-05')!.id, quantity: 25 }));
    expect(refused.code).toBe('CONFLICT');

    const cancelled = (await eventsFor(t.db, contract.id)).filter((e) => e.event_type === 'service_day.cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.payload).toMatchObject({
      actorCompanyId: client.session.companyId,
      closureId: answer.closure.id,
      reason: 'Office closed for a strike',
      days: answer.cancelled.map((d) => ({ serviceDayId: d.serviceDayId, serviceDate: d.serviceDate })),
    });

    // The caterer sees the client's closure (why the days are missing), but cannot remove it.
    const seen = await caterer.caller.company.closures();
    expect(seen).toEqual([expect.objectContaining({ id: answer.closure.id, own: false })]);
    expect((await rejectionOf(caterer.caller.company.removeClosure({ id: answer.closure.id }))).code).toBe('NOT_FOUND');
  });

  it('removing it plans the window again: cancelled days with their deadline ahead become PENDING', async () => {
    const { clock, client, contract, stored } = await setup({ now });
    const { closure } = await client.caller.company.addClosure({ from: '2026-03-03', to: '2026-03-06', reason: 'Closed' });
    // Tuesday 13:00: the deadlines of Tuesday (Mon 12:00) and Wednesday (Tue 12:00) have passed.
    clock.now = new Date('2026-03-03T13:00:00Z');
    await client.caller.company.removeClosure({ id: closure.id });
    const after = await stored();
    expect(after.get('2026-03-03')!.status).toBe('CANCELLED');
    expect(after.get('2026-03-04')!.status).toBe('CANCELLED');
    for (const date of ['2026-03-05', '2026-03-06']) {
      expect(after.get(date), date).toMatchObject({ status: 'PENDING', expectedQuantity: 20, cancelledAt: null, cancellationReason: null });
    }
    expect(await client.caller.company.closures()).toEqual([]);
    expect((await rejectionOf(client.caller.company.removeClosure({ id: closure.id }))).code).toBe('NOT_FOUND');
    void contract;
  });

  it('a contract-scoped closure affects only that contract', async () => {
    const { client, contract, stored, clock } = await setup({ now });
    const otherCaterer = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: 500 }, clock);
    const other = await agreeContract(otherCaterer, client);

    const answer = await client.caller.company.addClosure({ from: '2026-03-09', to: '2026-03-13', reason: 'No lunches', contractId: contract.id });
    expect(answer.cancelled).toHaveLength(5);
    expect(new Set(answer.cancelled.map((d) => d.contractId))).toEqual(new Set([contract.id]));
    expect((await stored()).get('2026-03-10')!.status).toBe('CANCELLED');
    expect((await stored(other.id)).get('2026-03-10')!.status).toBe('PENDING');

    // Generation does not bring them back, and the other caterer does not see the closure.
    await generateServiceDays(t.db, { now: clock.now });
    expect((await stored()).get('2026-03-10')!.status).toBe('CANCELLED');
    expect(await otherCaterer.caller.company.closures()).toEqual([]);
    // A contract-scoped closure does not move business-day deadlines (it is not the office).
  });

  it('roles and tenancy: MANAGER may, EMPLOYEE may not; another tenant’s contract is NOT_FOUND; bad input changes nothing', async () => {
    const { clientManager, clientEmployee, client, contract } = await setup({ now });
    await clientManager.caller.company.addClosure({ from: '2026-04-01', to: '2026-04-01', reason: 'Team day' });
    expect((await rejectionOf(clientEmployee.caller.company.addClosure({ from: '2026-04-02', to: '2026-04-02', reason: 'x' }))).code).toBe('FORBIDDEN');
    const stranger = await registerCompany(t.db, { companyType: 'CLIENT' });
    expect((await rejectionOf(stranger.caller.company.addClosure({ from: '2026-04-02', to: '2026-04-02', reason: 'x', contractId: contract.id }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(client.caller.company.addClosure({ from: '2026-04-03', to: '2026-04-02', reason: 'x' }))).code).toBe('BAD_REQUEST');
    expect((await rejectionOf(client.caller.company.addClosure({ from: '2026-04-03', to: '2026-04-03', reason: ' ' }))).code).toBe('BAD_REQUEST');
    expect(await client.caller.company.closures()).toHaveLength(1);
  });
});

describe('public holidays setting', () => {
  it('validates the code, and setting it cancels open days on the holidays', async () => {
    const { client, stored } = await setup({ now: '2026-04-27T08:00:00Z', clientTimeZone: 'Europe/Warsaw' });
    expect((await stored()).get('2026-05-01')!.status).toBe('PENDING');
    const bad = await rejectionOf(client.caller.company.update({ holidayCountry: 'XX' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect((await client.caller.company.me()).holidayCountry).toBeNull();

    expect((await client.caller.company.update({ holidayCountry: 'pl' })).holidayCountry).toBe('PL');
    expect((await stored()).get('2026-05-01')).toMatchObject({ status: 'CANCELLED' });
    // Back to none: the holiday is planned again.
    await client.caller.company.update({ holidayCountry: null });
    expect((await stored()).get('2026-05-01')!.status).toBe('PENDING');
  });
});

describe('honest terms', () => {
  it('skippedWeekdays names contracted weekdays on which the office is closed; no days are planned on them', async () => {
    const clock: Clock = { now: new Date('2026-03-02T10:00:00Z') };
    const { caterer, client } = await catererAndClient(t.db, clock);
    await client.caller.company.setOfficeDays({ days: [{ dayOfWeek: 5, isWorkDay: false }] });
    const contract = await agreeContract(caterer, client);
    expect(contract.skippedWeekdays).toEqual([5]);
    expect((await client.caller.contract.get({ id: contract.id })).skippedWeekdays).toEqual([5]);
    const days = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-01', to: '2026-03-31' });
    expect(days.some((d) => d.dayOfWeek === 5)).toBe(false);
  });
});

describe('notice modes', () => {
  const rule = (serviceDate: string, over: Record<string, unknown>) =>
    computeConfirmationDeadline({ serviceDate, deliveryTime: '12:00', noticeHours: 24, timeZone: 'UTC', ...over });

  it('a contract created with noticeHours and no noticeMode is HOURS; business days are stored and read back', async () => {
    const { contract, caterer, client } = await setup({ now: '2026-03-02T10:00:00Z' });
    expect(contract).toMatchObject({ noticeMode: 'HOURS', noticeHours: 24 });
    await caterer.caller.contract.terminate({ id: contract.id });
    const business = await agreeContract(caterer, client, { noticeMode: 'BUSINESS_DAYS', noticeBusinessDays: 2, cutoffTime: '14:00' });
    expect(business).toMatchObject({ noticeMode: 'BUSINESS_DAYS', noticeBusinessDays: 2, cutoffTime: '14:00' });
    const monday = (await client.caller.serviceDay.list({ contractId: business.id, from: '2026-03-09', to: '2026-03-09' }))[0]!;
    expect(monday.deadline).toEqual(new Date('2026-03-05T14:00:00Z'));
    const bad = await rejectionOf(
      caterer.caller.contract.update({ id: business.id, noticeMode: 'BUSINESS_DAYS', noticeBusinessDays: 11 }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
  });

  it('switching an existing contract from HOURS to BUSINESS_DAYS recomputes the open days only', async () => {
    const { clock, caterer, client, contract, stored } = await setup({ now: '2026-03-02T10:00:00Z' });
    const before = await stored();
    await client.caller.serviceDay.confirmExpected({ id: before.get('2026-03-04')!.id, quantity: 33 });
    clock.now = new Date('2026-03-02T13:00:00Z'); // Tuesday's deadline (Mon 12:00) has passed
    await caterer.caller.contract.update({ id: contract.id, noticeMode: 'BUSINESS_DAYS', noticeBusinessDays: 1, cutoffTime: '14:00' });
    const after = await stored();
    const business = { noticeMode: 'BUSINESS_DAYS', noticeBusinessDays: 1, cutoffTime: '14:00' };
    // Passed: Monday and Tuesday keep their deadlines (and are locked).
    for (const date of ['2026-03-02', '2026-03-03']) {
      expect(after.get(date)!.confirmationDeadline, date).toEqual(before.get(date)!.confirmationDeadline);
    }
    // Open: the confirmed Wednesday keeps its count under the new rule; later days too.
    expect(after.get('2026-03-04')).toMatchObject({ status: 'EXPECTED_CONFIRMED', expectedQuantity: 33, confirmationDeadline: rule('2026-03-04', business) });
    expect(after.get('2026-03-04')!.confirmationDeadline).toEqual(new Date('2026-03-03T14:00:00Z'));
    expect(after.get('2026-03-09')!.confirmationDeadline).toEqual(new Date('2026-03-06T14:00:00Z'));

    // noticeHours without noticeMode is HOURS again.
    const back = await caterer.caller.contract.update({ id: contract.id, noticeHours: 48 });
    expect(back).toMatchObject({ noticeMode: 'HOURS', noticeHours: 48 });
    expect((await stored()).get('2026-03-09')!.confirmationDeadline).toEqual(rule('2026-03-09', { noticeHours: 48 }));
  });

  it("a client's company-wide closure and holidays move business-day deadlines", async () => {
    const { client, stored } = await setup({
      now: '2026-11-23T08:00:00Z',
      terms: { startDate: '2026-11-23', endDate: '2027-03-31', noticeMode: 'BUSINESS_DAYS', noticeBusinessDays: 2, cutoffTime: '14:00' },
    });
    expect((await stored()).get('2026-12-07')!.confirmationDeadline).toEqual(new Date('2026-12-03T14:00:00Z'));
    const { closure } = await client.caller.company.addClosure({ from: '2026-12-03', to: '2026-12-03', reason: 'Team day' });
    expect((await stored()).get('2026-12-07')!.confirmationDeadline).toEqual(new Date('2026-12-02T14:00:00Z'));
    await client.caller.company.removeClosure({ id: closure.id });
    expect((await stored()).get('2026-12-07')!.confirmationDeadline).toEqual(new Date('2026-12-03T14:00:00Z'));
  });
});
