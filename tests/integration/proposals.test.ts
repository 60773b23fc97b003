import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { serviceDays } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { runServiceDayJobs } from '@/server/jobs/service-day-jobs';
import { drainOutbox } from '@/server/outbox/drain';
import { emailHandler } from '@/server/outbox/handlers/email';
import { notificationsHandler } from '@/server/outbox/handlers/notifications';
import { addUser, registerCompany, type Clock } from '../support/callers';
import { agreeContract, catererAndClient, eventsFor, fieldsOf, proposeContract, rejectionOf, snapshot } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const START = '2026-03-02T08:00:00Z'; // Monday

const daysOf = (contractId: string) => t.db.select().from(serviceDays).where(eq(serviceDays.contractId, contractId));

async function setup(options: { capacity?: number } = {}) {
  const clock: Clock = { now: new Date(START) };
  const parties = await catererAndClient(t.db, clock, options);
  const proposal = await proposeContract(parties.caterer, parties.client);
  return { clock, ...parties, proposal };
}

describe('a proposal', () => {
  it('has no service days, uses no capacity and gets no reminders, even when the cron runs', async () => {
    const { clock, caterer, client, proposal } = await setup({ capacity: 20 });
    const summary = await runServiceDayJobs(t.db, { now: clock.now });
    expect(summary).toMatchObject({ reminderDigests: 0, failedSteps: [] });
    expect(await daysOf(proposal.id)).toEqual([]);
    // The whole capacity is still free for an agreed contract with another client.
    const other = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
    await agreeContract(caterer, other, { defaultQuantity: 20 });
    const dashboard = await client.caller.report.dashboard();
    expect(dashboard).toMatchObject({ pendingDays: [], costByContract: [] });
    const catererDashboard = await caterer.caller.report.dashboard();
    if (catererDashboard.companyType !== 'CATERING') throw new Error('caterer dashboard expected');
    expect(catererDashboard.productionPlan.clients.map((c) => c.clientId)).toEqual([other.session.companyId]);
    expect(catererDashboard.revenueByContract.map((c) => c.contractId)).not.toContain(proposal.id);
  });

  it('cannot be paused, resumed or terminated; the caterer may still edit its terms', async () => {
    const { caterer, client, proposal } = await setup();
    const before = await snapshot(t.db);
    for (const call of [
      () => client.caller.contract.pause({ id: proposal.id }),
      () => caterer.caller.contract.resume({ id: proposal.id }),
      () => caterer.caller.contract.terminate({ id: proposal.id }),
    ]) {
      const error = await rejectionOf(call());
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/proposal the client has not accepted yet/);
    }
    expect(await snapshot(t.db)).toEqual(before);
    const edited = await caterer.caller.contract.update({ id: proposal.id, defaultQuantity: 25 });
    expect(edited).toMatchObject({ status: 'PROPOSED', defaultQuantity: 25 });
    expect(await daysOf(proposal.id)).toEqual([]);
  });
});

describe('contract.accept', () => {
  it('the client ADMIN accepts: ACTIVE, days generated, the caterer is told with the terms', async () => {
    const { clock, caterer, client, proposal } = await setup();
    const accepted = await client.caller.contract.accept({ id: proposal.id });
    expect(accepted).toMatchObject({ status: 'ACTIVE', acceptedAt: clock.now, declinedAt: null });
    const days = await daysOf(proposal.id);
    // Monday 2 March through Monday 30 March, weekdays: 21 days.
    expect(days).toHaveLength(21);
    expect(days.every((d) => d.status === 'PENDING' && d.expectedQuantity === 20)).toBe(true);
    const events = await eventsFor(t.db, proposal.id);
    expect(events.map((e) => e.event_type)).toEqual(['contract.proposed', 'contract.accepted']);
    expect(events[1]!.payload).toMatchObject({
      actorCompanyId: client.session.companyId,
      actorUserId: client.session.userId,
      generatedServiceDays: 21,
      terms: { serviceDays: [1, 2, 3, 4, 5], defaultQuantity: 20, pricePerMealCents: 1500, currency: 'EUR', startDate: '2026-03-01' },
    });
    // Only once.
    const again = await rejectionOf(client.caller.contract.accept({ id: proposal.id }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'This contract was already accepted, so it can no longer be accepted.' });
    expect(await rejectionOf(caterer.caller.contract.withdraw({ id: proposal.id }))).toMatchObject({ code: 'CONFLICT' });
    expect(await rejectionOf(client.caller.contract.decline({ id: proposal.id, reason: 'Changed our mind.' }))).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('is refused to the caterer, to client MANAGER and EMPLOYEE (FORBIDDEN) and to other tenants (NOT_FOUND)', async () => {
    const { clock, caterer, catererManager, clientManager, clientEmployee, proposal } = await setup();
    const stranger = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
    const strangerCaterer = await registerCompany(t.db, { companyType: 'CATERING' }, clock);
    const before = await snapshot(t.db);
    for (const caller of [caterer.caller, catererManager.caller, clientManager.caller, clientEmployee.caller, strangerCaterer.caller]) {
      expect((await rejectionOf(caller.contract.accept({ id: proposal.id }))).code).toBe('FORBIDDEN');
      expect((await rejectionOf(caller.contract.decline({ id: proposal.id, reason: 'No.' }))).code).toBe('FORBIDDEN');
    }
    expect((await rejectionOf(stranger.caller.contract.accept({ id: proposal.id }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(stranger.caller.contract.decline({ id: proposal.id, reason: 'No.' }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(stranger.caller.contract.get({ id: proposal.id }))).code).toBe('NOT_FOUND');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('checks capacity at acceptance (CONFLICT, nothing changes)', async () => {
    const { clock, caterer, client, proposal } = await setup({ capacity: 30 });
    const other = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
    await agreeContract(caterer, other, { defaultQuantity: 15 });
    const before = await snapshot(t.db);
    const error = await rejectionOf(client.caller.contract.accept({ id: proposal.id }));
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'Capacity exceeded on Monday: 35 meals planned, daily capacity is 30.' });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuses a proposal whose period has already ended', async () => {
    const { clock, client, caterer } = await setup();
    const old = await proposeContract(caterer, client, { startDate: '2026-03-02', endDate: '2026-03-06' });
    clock.now = new Date('2026-03-09T08:00:00Z');
    const error = await rejectionOf(client.caller.contract.accept({ id: old.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/period ended on 2026-03-06/);
  });
});

describe('contract.decline and contract.withdraw', () => {
  it('the client ADMIN declines with a reason: DECLINED, final, the caterer is told why', async () => {
    const { clock, caterer, client, proposal } = await setup();
    const missing = await rejectionOf(client.caller.contract.decline({ id: proposal.id, reason: '  ' }));
    expect(missing.code).toBe('BAD_REQUEST');
    expect(fieldsOf(missing)).toEqual(['reason']);
    const declined = await client.caller.contract.decline({ id: proposal.id, reason: 'The price is above our budget.' });
    expect(declined).toMatchObject({
      status: 'DECLINED',
      declinedAt: clock.now,
      declineReason: 'The price is above our budget.',
      withdrawnAt: null,
      allowedActions: [],
    });
    expect((await caterer.caller.contract.get({ id: proposal.id })).allowedActions).toEqual([]);
    const before = await snapshot(t.db);
    for (const call of [
      () => client.caller.contract.accept({ id: proposal.id }),
      () => client.caller.contract.decline({ id: proposal.id, reason: 'Again.' }),
      () => caterer.caller.contract.withdraw({ id: proposal.id }),
      () => caterer.caller.contract.resume({ id: proposal.id }),
      () => caterer.caller.contract.update({ id: proposal.id, defaultQuantity: 25 }),
    ]) {
      expect((await rejectionOf(call())).code).toBe('CONFLICT');
    }
    expect(await snapshot(t.db)).toEqual(before);
    const [event] = (await eventsFor(t.db, proposal.id)).filter((e) => e.event_type === 'contract.declined');
    expect(event!.payload).toMatchObject({ actorCompanyId: client.session.companyId, reason: 'The price is above our budget.' });
    expect((await caterer.caller.contract.list({ status: 'DECLINED' })).map((c) => c.id)).toEqual([proposal.id]);
  });

  it('the caterer ADMIN withdraws: DECLINED; the client, a caterer MANAGER and another caterer cannot', async () => {
    const { clock, caterer, catererManager, client, proposal } = await setup();
    const otherCaterer = await registerCompany(t.db, { companyType: 'CATERING' }, clock);
    const before = await snapshot(t.db);
    expect((await rejectionOf(client.caller.contract.withdraw({ id: proposal.id }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(catererManager.caller.contract.withdraw({ id: proposal.id }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(otherCaterer.caller.contract.withdraw({ id: proposal.id }))).code).toBe('NOT_FOUND');
    expect(await snapshot(t.db)).toEqual(before);
    const withdrawn = await caterer.caller.contract.withdraw({ id: proposal.id });
    expect(withdrawn).toMatchObject({ status: 'DECLINED', withdrawnAt: clock.now, declinedAt: clock.now, declineReason: null });
    expect((await rejectionOf(client.caller.contract.accept({ id: proposal.id }))).code).toBe('CONFLICT');
    expect((await eventsFor(t.db, proposal.id)).map((e) => e.event_type)).toEqual(['contract.proposed', 'contract.withdrawn']);
  });
});

describe('messages about a proposal', () => {
  it('the proposal tells the client its terms (days, quantities, price and currency, notice, period); each answer tells the caterer', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock, { clientTimeZone: 'Europe/Warsaw' });
    const catererManager = await addUser(t.db, caterer.session.companyId, 'MANAGER', clock);
    const proposal = await proposeContract(caterer, client, { serviceDays: [1, 3], deliveryTime: '12:30', pricePerMealCents: 1450 });
    const drain = () => drainOutbox(t.db, { now: new Date(Date.now() + 1000), handlers: [notificationsHandler, emailHandler('http://x.test')] });
    await drain();
    const [note] = (await client.caller.notification.list()).items;
    expect(note!.title).toBe(`Review the contract proposed by ${proposal.cateringName}`);
    expect(note!.link).toBe(`/contracts/${proposal.id}`);
    for (const words of [
      'Monday and Wednesday',
      '12:30 (Europe/Warsaw)',
      '20 by default, between 10 and 40',
      '€14.50 per meal (EUR)',
      '24 hours before delivery',
      '1 Mar 2026',
      '31 Dec 2026',
      'Nothing is planned or billed until your administrator accepts it.',
    ]) {
      expect(note!.body).toContain(words);
    }
    const [mail] = await queryRows<{ body: string; subject: string }>(
      t.db,
      sql`select body, subject from email_deliveries where recipient = ${client.email}`,
    );
    expect(mail).toMatchObject({ subject: note!.title, body: note!.body });

    await client.caller.contract.decline({ id: proposal.id, reason: 'Too expensive.' });
    await drain();
    const [declined] = (await catererManager.caller.notification.list()).items;
    expect(declined!.title).toBe(`${proposal.clientName} declined your contract proposal`);
    expect(declined!.body).toContain('Reason: Too expensive.');

    const second = await proposeContract(caterer, client);
    await client.caller.contract.accept({ id: second.id });
    await drain();
    const [accepted] = (await catererManager.caller.notification.list()).items;
    expect(accepted!.title).toBe(`${proposal.clientName} accepted your contract proposal`);
    expect(accepted!.body).toMatch(/it is active, and \d+ service days are planned/);
  });
});
