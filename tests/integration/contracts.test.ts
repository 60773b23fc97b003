import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { contracts, serviceDays } from '@/db/schema';
import { DomainError } from '@/server/domain/errors';
import { guardOneActivePerPair } from '@/server/services/contracts/create';
import { registerCompany, type Clock } from '../support/callers';
import { catererAndClient, contractTerms, eventsFor, fieldsOf, rejectionOf, snapshot, agreeContract } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const START = '2026-03-02T08:00:00Z'; // Monday

async function daysOf(contractId: string) {
  const rows = await t.db
    .select({ date: serviceDays.serviceDate, status: serviceDays.status, expected: serviceDays.expectedQuantity })
    .from(serviceDays)
    .where(eq(serviceDays.contractId, contractId))
    .orderBy(serviceDays.serviceDate);
  return rows;
}

describe('contract.create', () => {
  it('creates a PROPOSED contract with both names, terms and the viewer actions for each side; no days yet', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client, clientManager } = await catererAndClient(t.db, clock);
    const created = await caterer.caller.contract.create({
      clientEmail: client.email.toUpperCase(),
      ...contractTerms({ serviceDays: [5, 1, 3, 1], deliveryTime: undefined }),
    });
    expect(created).toMatchObject({
      status: 'PROPOSED',
      cateringId: caterer.session.companyId,
      clientId: client.session.companyId,
      serviceDays: [1, 3, 5],
      deliveryTime: '12:00',
      viewerSide: 'CATERING',
      allowedActions: ['withdraw', 'edit'],
      pausedAt: null,
      acceptedAt: null,
      declinedAt: null,
    });
    expect(await daysOf(created.id)).toEqual([]);
    const asClient = await client.caller.contract.get({ id: created.id });
    expect(asClient).toMatchObject({ viewerSide: 'CLIENT', allowedActions: ['accept', 'decline'] });
    expect(asClient.cateringName).toBe(created.cateringName);
    expect((await clientManager.caller.contract.get({ id: created.id })).allowedActions).toEqual([]);
    expect((await client.caller.contract.list({ status: 'PROPOSED' })).map((c) => c.id)).toEqual([created.id]);
    expect(await client.caller.contract.list({ status: 'ACTIVE' })).toEqual([]);

    const accepted = await client.caller.contract.accept({ id: created.id });
    expect(accepted).toMatchObject({ status: 'ACTIVE', viewerSide: 'CLIENT', allowedActions: ['pause', 'terminate'], acceptedAt: clock.now });
    expect((await caterer.caller.contract.get({ id: created.id })).allowedActions).toEqual(['pause', 'terminate', 'edit']);
    expect((await client.caller.contract.list({ status: 'ACTIVE' })).map((c) => c.id)).toEqual([created.id]);
    expect(await client.caller.contract.list({ status: 'PAUSED' })).toEqual([]);
  });

  it('a second proposal for a pair with an ACTIVE contract is recorded, but accepting it is CONFLICT; nothing changes', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock);
    await agreeContract(caterer, client);
    const second = await caterer.caller.contract.create({ clientEmail: client.email, ...contractTerms() });
    expect(second.status).toBe('PROPOSED');
    const before = await snapshot(t.db);
    const error = await rejectionOf(client.caller.contract.accept({ id: second.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('An active contract between these companies already exists.');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('the partial unique index backs the rule, and its violation is recognised as a duplicate pair', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock);
    const contract = await agreeContract(caterer, client);
    const [row] = await t.db.select().from(contracts).where(eq(contracts.id, contract.id));
    const copy = { ...row!, id: undefined };
    const error = await guardOneActivePerPair(() => t.db.insert(contracts).values(copy)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'An active contract between these companies already exists.' });
    // A PAUSED copy is allowed by the index.
    await t.db.insert(contracts).values({ ...copy, status: 'PAUSED' });
  });

  it('an unknown client email (or a caterer) is NOT_FOUND on clientEmail; clients cannot create', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock);
    const otherCaterer = await registerCompany(t.db, { companyType: 'CATERING' });
    for (const clientEmail of ['nobody@example.test', otherCaterer.email]) {
      const error = await rejectionOf(caterer.caller.contract.create({ clientEmail, ...contractTerms() }));
      expect(error.code).toBe('NOT_FOUND');
      expect(fieldsOf(error)).toEqual(['clientEmail']);
    }
    expect((await rejectionOf(client.caller.contract.create({ clientEmail: client.email, ...contractTerms() }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('capacity at acceptance: defaults per weekday over the caterer capacity are CONFLICT, other weekdays are fine', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock, { capacity: 50 });
    const other = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
    const third = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
    await agreeContract(caterer, client, { defaultQuantity: 30 });
    const before = await snapshot(t.db);
    // A proposal uses no capacity; accepting it is checked.
    const over = await caterer.caller.contract.create({ clientEmail: other.email, ...contractTerms({ defaultQuantity: 21, serviceDays: [5, 6] }) });
    const beforeAccept = await snapshot(t.db);
    const error = await rejectionOf(other.caller.contract.accept({ id: over.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Capacity exceeded on Friday: 51 meals planned, daily capacity is 50.');
    expect(await snapshot(t.db)).toEqual(beforeAccept);
    expect(beforeAccept.service_days).toEqual(before.service_days);
    await other.caller.contract.decline({ id: over.id, reason: 'Too many meals.' });
    // Exactly at capacity on Friday, and Saturday is free.
    await agreeContract(caterer, other, { defaultQuantity: 20, serviceDays: [5, 6] });
    // A paused contract does not count; resuming it re-checks.
    const paused = await caterer.caller.contract.list({ status: 'ACTIVE' });
    const first = paused.find((c) => c.clientId === client.session.companyId)!;
    await caterer.caller.contract.pause({ id: first.id });
    await agreeContract(caterer, third, { defaultQuantity: 30, serviceDays: [1] });
    const resumeError = await rejectionOf(caterer.caller.contract.resume({ id: first.id }));
    expect(resumeError.code).toBe('CONFLICT');
    expect(resumeError.message).toMatch(/Capacity exceeded on Monday: 60 meals/);
    expect((await caterer.caller.contract.get({ id: first.id })).status).toBe('PAUSED');
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an impossible start date', { startDate: '2026-02-30' }, 'startDate'],
    ['a badly written end date', { endDate: '31/12/2026' }, 'endDate'],
    ['end before start', { startDate: '2026-05-01', endDate: '2026-04-01' }, 'endDate'],
    ['min > max', { minDailyQuantity: 50, defaultQuantity: 20, maxQuantity: 40 }, 'defaultQuantity'],
    ['default > max', { maxQuantity: 15 }, 'maxQuantity'],
    ['weekday 8', { serviceDays: [1, 8] }, 'serviceDays.1'],
    ['weekday 0', { serviceDays: [0] }, 'serviceDays.0'],
    ['no weekdays', { serviceDays: [] }, 'serviceDays'],
    ['notice 337', { noticeHours: 337 }, 'noticeHours'],
    ['a negative price', { pricePerMealCents: -1 }, 'pricePerMealCents'],
    ['a fractional price', { pricePerMealCents: 12.5 }, 'pricePerMealCents'],
    ['delivery 24:00', { deliveryTime: '24:00' }, 'deliveryTime'],
    ['delivery 9:00', { deliveryTime: '9:00' }, 'deliveryTime'],
    ['a bad email', { clientEmail: 'not-an-email' }, 'clientEmail'],
  ];
  it.each(bad)('create with %s → BAD_REQUEST at the field, nothing changed', async (_, overrides, field) => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock);
    const before = await snapshot(t.db);
    const error = await rejectionOf(
      caterer.caller.contract.create({ clientEmail: client.email, ...contractTerms(), ...overrides } as never),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldsOf(error)).toContain(field);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('pause, resume, terminate', () => {
  it('pause removes only the open PENDING days; resume regenerates; terminate is final', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock);
    const contract = await agreeContract(caterer, client);
    const days = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-01', to: '2026-04-30' });
    const on = (date: string) => days.find((d) => d.serviceDate === date)!;
    await client.caller.serviceDay.confirmExpected({ id: on('2026-03-10').id, quantity: 33 });

    // Tuesday 13:00: Monday, Tuesday and Wednesday are past their deadlines but still PENDING.
    clock.now = new Date('2026-03-03T13:00:00Z');
    const paused = await client.caller.contract.pause({ id: contract.id });
    expect(paused).toMatchObject({ status: 'PAUSED', pausedAt: clock.now, allowedActions: ['resume', 'terminate'] });
    expect(await daysOf(contract.id)).toEqual([
      { date: '2026-03-02', status: 'EXPECTED_CONFIRMED', expected: 20 },
      { date: '2026-03-03', status: 'EXPECTED_CONFIRMED', expected: 20 },
      { date: '2026-03-04', status: 'EXPECTED_CONFIRMED', expected: 20 },
      { date: '2026-03-10', status: 'EXPECTED_CONFIRMED', expected: 33 },
    ]);
    const events = await eventsFor(t.db, contract.id);
    expect(events.map((e) => e.event_type)).toEqual(['contract.proposed', 'contract.accepted', 'contract.paused']);
    expect(events[2]!.payload).toMatchObject({
      actorCompanyId: client.session.companyId,
      lockedServiceDays: 3,
      removedServiceDays: 17,
    });
    // A confirmed day of a paused contract cannot be changed.
    expect((await rejectionOf(client.caller.serviceDay.confirmExpected({ id: on('2026-03-10').id, quantity: 30 }))).code).toBe(
      'CONFLICT',
    );
    expect((await rejectionOf(client.caller.contract.pause({ id: contract.id }))).code).toBe('CONFLICT');

    // Resume a week later: days are generated again from the new today; confirmed ones stay.
    clock.now = new Date('2026-03-09T08:00:00Z');
    const resumed = await caterer.caller.contract.resume({ id: contract.id });
    expect(resumed).toMatchObject({ status: 'ACTIVE', pausedAt: null });
    const after = await daysOf(contract.id);
    expect(after.find((d) => d.date === '2026-03-10')).toEqual({ date: '2026-03-10', status: 'EXPECTED_CONFIRMED', expected: 33 });
    expect(after.filter((d) => d.status === 'PENDING').map((d) => d.date)[0]).toBe('2026-03-09');
    expect(after.at(-1)!.date).toBe('2026-04-06');

    const terminated = await caterer.caller.contract.terminate({ id: contract.id });
    expect(terminated).toMatchObject({ status: 'TERMINATED', terminatedAt: clock.now, allowedActions: [] });
    expect((await daysOf(contract.id)).some((d) => d.status === 'PENDING')).toBe(false);
    const before = await snapshot(t.db);
    for (const call of [
      () => caterer.caller.contract.resume({ id: contract.id }),
      () => client.caller.contract.terminate({ id: contract.id }),
      () => caterer.caller.contract.update({ id: contract.id, defaultQuantity: 25 }),
    ]) {
      expect((await rejectionOf(call())).code).toBe('CONFLICT');
    }
    expect(await snapshot(t.db)).toEqual(before);
    expect((await eventsFor(t.db, contract.id)).map((e) => e.event_type)).toEqual([
      'contract.proposed',
      'contract.accepted',
      'contract.paused',
      'contract.resumed',
      'contract.terminated',
    ]);
  });

  it('resuming while another ACTIVE contract exists for the pair is CONFLICT', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock);
    const first = await agreeContract(caterer, client);
    await caterer.caller.contract.pause({ id: first.id });
    await agreeContract(caterer, client);
    const error = await rejectionOf(caterer.caller.contract.resume({ id: first.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('An active contract between these companies already exists.');
    const [row] = await t.db.select().from(contracts).where(eq(contracts.id, first.id));
    expect(row!.status).toBe('PAUSED');
  });
});

describe('contract.update', () => {
  it('replaces the open PENDING days with the new terms; confirmed days stay', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock);
    const contract = await agreeContract(caterer, client);
    const [tuesday] = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-10', to: '2026-03-10' });
    await client.caller.serviceDay.confirmExpected({ id: tuesday!.id, quantity: 12 });

    const updated = await caterer.caller.contract.update({
      id: contract.id,
      defaultQuantity: 25,
      serviceDays: [2, 4],
      deliveryTime: '13:30',
    });
    expect(updated).toMatchObject({ defaultQuantity: 25, serviceDays: [2, 4], deliveryTime: '13:30', minDailyQuantity: 10 });
    const days = await daysOf(contract.id);
    // Monday (today) was already past its deadline: locked at the old default, kept.
    expect(days[0]).toEqual({ date: '2026-03-02', status: 'EXPECTED_CONFIRMED', expected: 20 });
    expect(days.find((d) => d.date === '2026-03-10')).toEqual({ date: '2026-03-10', status: 'EXPECTED_CONFIRMED', expected: 12 });
    const pending = days.filter((d) => d.status === 'PENDING');
    expect(pending.every((d) => d.expected === 25)).toBe(true);
    expect(pending.map((d) => d.date)).toEqual([
      '2026-03-03', '2026-03-05', '2026-03-12', '2026-03-17', '2026-03-19', '2026-03-24', '2026-03-26',
    ]);
    const [event] = (await eventsFor(t.db, contract.id)).filter((e) => e.event_type === 'contract.updated');
    expect(event!.payload).toMatchObject({ changed: ['defaultQuantity', 'serviceDays', 'deliveryTime'], lockedServiceDays: 1 });
    // The event carries the notice in force, so its messages can say when counts are due.
    const { noticeMode, noticeHours, noticeBusinessDays, cutoffTime } = updated;
    expect(event!.payload).toMatchObject({ notice: { noticeMode, noticeHours, noticeBusinessDays, cutoffTime } });
    const [proposed] = (await eventsFor(t.db, contract.id)).filter((e) => e.event_type === 'contract.proposed');
    expect(proposed!.payload).toMatchObject({
      terms: { notice: { noticeMode: contract.noticeMode, noticeBusinessDays: contract.noticeBusinessDays, cutoffTime: contract.cutoffTime } },
    });
  });

  it('validates the merged terms and re-checks capacity; a refused update changes nothing', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock, { capacity: 30 });
    const contract = await agreeContract(caterer, client);
    const before = await snapshot(t.db);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ maxQuantity: 15 }, 'BAD_REQUEST', 'maxQuantity'], // below the stored default of 20
      [{ endDate: '2026-02-01' }, 'BAD_REQUEST', 'endDate'], // before the stored start
      [{ noticeHours: 337 }, 'BAD_REQUEST', 'noticeHours'],
      [{ deliveryTime: '7:5' }, 'BAD_REQUEST', 'deliveryTime'],
      [{ defaultQuantity: 31, maxQuantity: 40 }, 'CONFLICT', ''],
    ];
    for (const [changes, code, field] of cases) {
      const error = await rejectionOf(caterer.caller.contract.update({ id: contract.id, ...changes } as never));
      expect(error.code).toBe(code);
      if (field) expect(fieldsOf(error)).toContain(field);
    }
    expect(await snapshot(t.db)).toEqual(before);
  });
});
