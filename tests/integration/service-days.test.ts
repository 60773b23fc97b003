import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { serviceDays } from '@/db/schema';
import type { Clock } from '../support/callers';
import { catererAndClient, contractTerms, eventsFor, fieldsOf, rejectionOf, snapshot, agreeContract } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

// Monday 2026-03-02, 08:00 UTC. Contracts deliver Mon–Fri at 12:00 with 24 h notice.
const START = '2026-03-02T08:00:00Z';

async function setup(options: { capacity?: number; clientTimeZone?: string; terms?: Record<string, unknown> } = {}) {
  const clock: Clock = { now: new Date(START) };
  const parties = await catererAndClient(t.db, clock, options);
  const contract = await agreeContract(parties.caterer, parties.client, options.terms);
  const days = await parties.client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-01', to: '2026-04-30' });
  const dayOn = (date: string) => {
    const day = days.find((d) => d.serviceDate === date);
    if (!day) throw new Error(`no service day on ${date}`);
    return day;
  };
  return { clock, ...parties, contract, days, dayOn };
}

async function rowOf(id: string) {
  const [row] = await t.db.select().from(serviceDays).where(eq(serviceDays.id, id));
  return row!;
}

describe('the service-day journey', () => {
  it('create → generate → confirm expected → deadline → confirm served → dispute → resolve, with its events', async () => {
    const { clock, caterer, client, clientManager, catererManager, contract, days, dayOn } = await setup();
    const parties = { contractId: contract.id, cateringId: caterer.session.companyId, clientId: client.session.companyId };

    // Generation: every weekday from today through today + 28 days, PENDING at the default.
    expect(days.map((d) => d.serviceDate)).toEqual([
      '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06',
      '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13',
      '2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20',
      '2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27',
      '2026-03-30',
    ]);
    expect(days.every((d) => d.status === 'PENDING' && d.expectedQuantity === 20)).toBe(true);
    const [proposed, accepted] = await eventsFor(t.db, contract.id);
    expect(proposed).toMatchObject({
      event_type: 'contract.proposed',
      payload: { ...parties, actorCompanyId: caterer.session.companyId, actorUserId: caterer.session.userId },
    });
    expect(accepted).toMatchObject({
      event_type: 'contract.accepted',
      payload: { ...parties, actorCompanyId: client.session.companyId, actorUserId: client.session.userId, generatedServiceDays: 21 },
    });

    // The client sees Wednesday with its deadline (Tuesday 12:00 UTC) and may confirm it.
    const wednesday = dayOn('2026-03-04');
    expect(wednesday).toMatchObject({
      dayOfWeek: 3,
      minDailyQuantity: 10,
      maxQuantity: 40,
      deadline: new Date('2026-03-03T12:00:00Z'),
      clientName: expect.any(String),
      cateringName: expect.any(String),
      clientTimeZone: 'UTC',
      costCents: 20 * 1500,
      costIsEstimate: true,
      canConfirmExpected: true,
      canConfirmServed: false,
    });

    const confirmed = await clientManager.caller.serviceDay.confirmExpected({ id: wednesday.id, quantity: 30 });
    expect(confirmed).toMatchObject({ status: 'EXPECTED_CONFIRMED', expectedQuantity: 30, costCents: 30 * 1500 });
    // …and may change it again before the deadline.
    await client.caller.serviceDay.confirmExpected({ id: wednesday.id, quantity: 32 });
    let row = await rowOf(wednesday.id);
    expect(row).toMatchObject({
      status: 'EXPECTED_CONFIRMED',
      expectedQuantity: 32,
      expectedQuantityConfirmerId: client.session.userId,
      expectedQuantityConfirmedAt: clock.now,
    });
    let events = await eventsFor(t.db, wednesday.id);
    expect(events.map((e) => [e.event_type, e.payload.quantity])).toEqual([
      ['service_day.expected_confirmed', 30],
      ['service_day.expected_confirmed', 32],
    ]);
    expect(events[0]!.payload).toMatchObject({
      ...parties,
      actorCompanyId: client.session.companyId,
      actorUserId: clientManager.session.userId,
      serviceDayId: wednesday.id,
      serviceDate: '2026-03-04',
    });

    // The deadline passes: confirming is refused (CONFLICT) and nothing changes.
    clock.now = new Date('2026-03-03T12:00:00Z');
    const before = await snapshot(t.db);
    const late = await rejectionOf(client.caller.serviceDay.confirmExpected({ id: wednesday.id, quantity: 25 }));
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toMatch(/deadline for 2026-03-04 passed/);
    // Served before the service date (client's local date) is refused too.
    const early = await rejectionOf(caterer.caller.serviceDay.confirmServed({ id: wednesday.id, quantity: 30 }));
    expect(early.code).toBe('CONFLICT');
    expect(await snapshot(t.db)).toEqual(before);

    // On the day, the caterer's MANAGER confirms what was served.
    clock.now = new Date('2026-03-04T14:00:00Z');
    const [asCaterer] = await caterer.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-04', to: '2026-03-04' });
    expect(asCaterer).toMatchObject({ canConfirmServed: true, canConfirmExpected: false, canResolve: false });
    const served = await catererManager.caller.serviceDay.confirmServed({ id: wednesday.id, quantity: 31 });
    expect(served).toMatchObject({ status: 'SERVED_CONFIRMED', servedQuantity: 31, costCents: 31 * 1500, costIsEstimate: false });
    row = await rowOf(wednesday.id);
    expect(row).toMatchObject({ servedQuantityConfirmerId: catererManager.session.userId, servedQuantityConfirmedAt: clock.now });

    // The client disputes within the window.
    clock.now = new Date('2026-03-05T09:00:00Z');
    const disputed = await client.caller.serviceDay.dispute({ id: wednesday.id, reason: '  Only 28 people ate.  ' });
    expect(disputed).toMatchObject({ status: 'DISPUTED', disputeReason: 'Only 28 people ate.', canResolve: false });
    expect((await rowOf(wednesday.id)).disputedById).toBe(client.session.userId);

    // The caterer's ADMIN resolves it; the original count is kept.
    clock.now = new Date('2026-03-05T15:00:00Z');
    const resolved = await caterer.caller.serviceDay.resolveDispute({ id: wednesday.id, servedQuantity: 28, note: 'Agreed.' });
    expect(resolved).toMatchObject({
      status: 'SERVED_CONFIRMED',
      servedQuantity: 28,
      originalServedQuantity: 31,
      disputeResolutionNote: 'Agreed.',
      disputeResolvedAt: clock.now,
      costCents: 28 * 1500,
    });

    events = await eventsFor(t.db, wednesday.id);
    expect(events.map((e) => e.event_type)).toEqual([
      'service_day.expected_confirmed',
      'service_day.expected_confirmed',
      'service_day.served_confirmed',
      'service_day.disputed',
      'service_day.dispute_resolved',
    ]);
    for (const event of events) {
      expect(event.aggregate_id).toBe(wednesday.id);
      expect(event.payload).toMatchObject({ ...parties, serviceDayId: wednesday.id, serviceDate: '2026-03-04' });
    }
    expect(events[2]!.payload).toMatchObject({ actorUserId: catererManager.session.userId, servedQuantity: 31 });
    expect(events[3]!.payload).toMatchObject({ actorUserId: client.session.userId, reason: 'Only 28 people ate.' });
    expect(events[4]!.payload).toMatchObject({ originalServedQuantity: 31, servedQuantity: 28, note: 'Agreed.' });
  });

  it('confirming served on a PENDING day past its deadline locks it first (with the auto-lock event)', async () => {
    const { clock, caterer, dayOn } = await setup();
    const thursday = dayOn('2026-03-05');
    clock.now = new Date('2026-03-05T13:00:00Z');
    await caterer.caller.serviceDay.confirmServed({ id: thursday.id, quantity: 19 });
    const row = await rowOf(thursday.id);
    expect(row).toMatchObject({ status: 'SERVED_CONFIRMED', expectedQuantity: 20, expectedQuantityConfirmerId: null, servedQuantity: 19 });
    expect((await eventsFor(t.db, thursday.id)).map((e) => [e.event_type, e.payload.actorUserId])).toEqual([
      ['service_day.expected_auto_locked', null],
      ['service_day.served_confirmed', caterer.session.userId],
    ]);
  });

  it('the deadline follows the client time zone and the day is refused from that instant', async () => {
    // Warsaw client, 2026-03-30 (the day after the spring change), 12:00, 24 h notice:
    // deadline 2026-03-29 12:00 CEST = 10:00 UTC.
    const { clock, client, dayOn } = await setup({ clientTimeZone: 'Europe/Warsaw', terms: { serviceDays: [1] } });
    clock.now = new Date('2026-03-29T09:59:59Z');
    const monday = dayOn('2026-03-30');
    expect(monday.deadline).toEqual(new Date('2026-03-29T10:00:00Z'));
    await client.caller.serviceDay.confirmExpected({ id: monday.id, quantity: 15 });
    clock.now = new Date('2026-03-29T10:00:00Z');
    expect((await rejectionOf(client.caller.serviceDay.confirmExpected({ id: monday.id, quantity: 16 }))).code).toBe('CONFLICT');
    expect((await rowOf(monday.id)).expectedQuantity).toBe(15);
  });

  it('a quantity outside the contract [min, max] is BAD_REQUEST on field quantity, nothing changed', async () => {
    const { client, dayOn } = await setup();
    const day = dayOn('2026-03-10');
    const before = await snapshot(t.db);
    for (const quantity of [9, 41]) {
      const error = await rejectionOf(client.caller.serviceDay.confirmExpected({ id: day.id, quantity }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(fieldsOf(error)).toEqual(['quantity']);
      expect(error.message).toMatch(/from 10 to 40/);
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('dispute is refused after the 7-day window and for a day not yet served', async () => {
    const { clock, caterer, client, dayOn } = await setup();
    const day = dayOn('2026-03-02');
    expect((await rejectionOf(client.caller.serviceDay.dispute({ id: day.id, reason: 'x' }))).code).toBe('CONFLICT');
    clock.now = new Date('2026-03-02T15:00:00Z');
    await caterer.caller.serviceDay.confirmServed({ id: day.id, quantity: 20 });
    clock.now = new Date('2026-03-09T15:00:00.001Z');
    const before = await snapshot(t.db);
    expect((await rejectionOf(client.caller.serviceDay.dispute({ id: day.id, reason: 'late' }))).code).toBe('CONFLICT');
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('confirmExpectedBatch', () => {
  it('confirms several days at once', async () => {
    const { client, dayOn } = await setup();
    const items = [
      { id: dayOn('2026-03-10').id, quantity: 11 },
      { id: dayOn('2026-03-11').id, quantity: 39 },
    ];
    const result = await client.caller.serviceDay.confirmExpectedBatch({ items });
    expect(result.map((d) => [d.serviceDate, d.status, d.expectedQuantity])).toEqual([
      ['2026-03-10', 'EXPECTED_CONFIRMED', 11],
      ['2026-03-11', 'EXPECTED_CONFIRMED', 39],
    ]);
  });

  it('is all-or-nothing: one bad item changes nothing, and the error names that day', async () => {
    const { clock, client, dayOn } = await setup();
    clock.now = new Date('2026-03-03T13:00:00Z'); // Wednesday's deadline has passed
    const before = await snapshot(t.db);
    const badQuantity = await rejectionOf(
      client.caller.serviceDay.confirmExpectedBatch({
        items: [
          { id: dayOn('2026-03-12').id, quantity: 15 },
          { id: dayOn('2026-03-13').id, quantity: 99 },
        ],
      }),
    );
    expect(badQuantity.code).toBe('BAD_REQUEST');
    expect(badQuantity.message).toMatch(/^2026-03-13: /);
    expect(fieldsOf(badQuantity)).toEqual(['items.1.quantity']);
    const pastDeadline = await rejectionOf(
      client.caller.serviceDay.confirmExpectedBatch({
        items: [
          { id: dayOn('2026-03-12').id, quantity: 15 },
          { id: dayOn('2026-03-04').id, quantity: 15 },
        ],
      }),
    );
    expect(pastDeadline.code).toBe('CONFLICT');
    expect(pastDeadline.message).toMatch(/2026-03-04/);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuses duplicate ids and an empty list as BAD_REQUEST', async () => {
    const { client, dayOn } = await setup();
    const id = dayOn('2026-03-12').id;
    const dup = await rejectionOf(client.caller.serviceDay.confirmExpectedBatch({ items: [{ id, quantity: 12 }, { id, quantity: 13 }] }));
    expect(dup.code).toBe('BAD_REQUEST');
    expect(fieldsOf(dup)).toEqual(['items']);
    expect((await rejectionOf(client.caller.serviceDay.confirmExpectedBatch({ items: [] }))).code).toBe('BAD_REQUEST');
  });
});

describe('capacity at confirmation', () => {
  it('refuses a confirmation that would push the caterer over capacity on that date; lowering is fine', async () => {
    const clock: Clock = { now: new Date(START) };
    const first = await catererAndClient(t.db, clock, { capacity: 50 });
    const otherClient = await catererAndClient(t.db, clock);
    const a = await agreeContract(first.caterer, first.client);
    const b = await agreeContract(first.caterer, otherClient.client);
    const dayOf = async (caller: typeof first.client.caller, contractId: string) =>
      (await caller.serviceDay.list({ contractId, from: '2026-03-10', to: '2026-03-10' }))[0]!;
    const dayA = await dayOf(first.client.caller, a.id);
    const dayB = await dayOf(otherClient.client.caller, b.id);

    await first.client.caller.serviceDay.confirmExpected({ id: dayA.id, quantity: 30 }); // total 50 = capacity
    const before = await snapshot(t.db);
    const over = await rejectionOf(otherClient.client.caller.serviceDay.confirmExpected({ id: dayB.id, quantity: 21 }));
    expect(over.code).toBe('CONFLICT');
    expect(over.message).toMatch(/Capacity exceeded on 2026-03-10: 51 meals/);
    expect(await snapshot(t.db)).toEqual(before);
    // Keeping or lowering never raises the total.
    await otherClient.client.caller.serviceDay.confirmExpected({ id: dayB.id, quantity: 20 });
    await otherClient.client.caller.serviceDay.confirmExpected({ id: dayB.id, quantity: 12 });
    // …which frees room for the first client.
    await first.client.caller.serviceDay.confirmExpected({ id: dayA.id, quantity: 38 });
    expect((await rowOf(dayA.id)).expectedQuantity).toBe(38);
  });
});

describe('roles and tenants', () => {
  it('EMPLOYEE of either party is FORBIDDEN on every mutation; nothing changes', async () => {
    const { contract, dayOn, clientEmployee, catererEmployee, client } = await setup();
    const id = dayOn('2026-03-10').id;
    const before = await snapshot(t.db);
    for (const employee of [clientEmployee, catererEmployee]) {
      const c = employee.caller;
      const calls = [
        () => c.contract.create({ clientEmail: client.email, ...contractTerms() }),
        () => c.contract.update({ id: contract.id, defaultQuantity: 21 }),
        () => c.contract.pause({ id: contract.id }),
        () => c.contract.resume({ id: contract.id }),
        () => c.contract.terminate({ id: contract.id }),
        () => c.serviceDay.confirmExpected({ id, quantity: 20 }),
        () => c.serviceDay.confirmExpectedBatch({ items: [{ id, quantity: 20 }] }),
        () => c.serviceDay.confirmServed({ id, quantity: 20 }),
        () => c.serviceDay.dispute({ id, reason: 'no' }),
        () => c.serviceDay.resolveDispute({ id, servedQuantity: 20, note: 'no' }),
      ];
      for (const call of calls) expect((await rejectionOf(call())).code).toBe('FORBIDDEN');
      // Reading is fine.
      expect((await c.contract.get({ id: contract.id })).allowedActions).toEqual([]);
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('the wrong party or role is FORBIDDEN: client cannot confirm served or edit, caterer cannot confirm expected', async () => {
    const { contract, dayOn, client, caterer, catererManager, clientManager } = await setup();
    const id = dayOn('2026-03-10').id;
    const before = await snapshot(t.db);
    const calls = [
      () => client.caller.serviceDay.confirmServed({ id, quantity: 1 }),
      () => client.caller.serviceDay.resolveDispute({ id, servedQuantity: 1, note: 'n' }),
      () => client.caller.contract.update({ id: contract.id, defaultQuantity: 21 }),
      () => caterer.caller.serviceDay.confirmExpected({ id, quantity: 20 }),
      () => caterer.caller.serviceDay.dispute({ id, reason: 'r' }),
      () => catererManager.caller.serviceDay.resolveDispute({ id, servedQuantity: 1, note: 'n' }),
      () => catererManager.caller.contract.pause({ id: contract.id }),
      () => clientManager.caller.contract.terminate({ id: contract.id }),
    ];
    for (const call of calls) expect((await rejectionOf(call())).code).toBe('FORBIDDEN');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("every procedure with another tenant's id is NOT_FOUND and changes nothing", async () => {
    const mine = await setup();
    const theirs = await setup();
    mine.clock.now = theirs.clock.now = new Date('2026-03-10T15:00:00Z');
    const id = theirs.dayOn('2026-03-12').id;
    const contractId = theirs.contract.id;
    const before = await snapshot(t.db);
    const calls = [
      () => mine.caterer.caller.contract.get({ id: contractId }),
      () => mine.client.caller.contract.get({ id: contractId }),
      () => mine.caterer.caller.contract.update({ id: contractId, defaultQuantity: 21 }),
      () => mine.caterer.caller.contract.pause({ id: contractId }),
      () => mine.client.caller.contract.terminate({ id: contractId }),
      () => mine.client.caller.contract.resume({ id: contractId }),
      () => mine.client.caller.serviceDay.list({ contractId, from: '2026-03-01', to: '2026-03-31' }),
      () => mine.client.caller.serviceDay.confirmExpected({ id, quantity: 20 }),
      () => mine.client.caller.serviceDay.confirmExpectedBatch({ items: [{ id: mine.dayOn('2026-03-12').id, quantity: 20 }, { id, quantity: 20 }] }),
      () => mine.caterer.caller.serviceDay.confirmServed({ id: theirs.dayOn('2026-03-10').id, quantity: 20 }),
      () => mine.client.caller.serviceDay.dispute({ id, reason: 'r' }),
      () => mine.caterer.caller.serviceDay.resolveDispute({ id, servedQuantity: 1, note: 'n' }),
    ];
    for (const call of calls) expect((await rejectionOf(call())).code).toBe('NOT_FOUND');
    // Lists never show another tenant's rows.
    const listed = await mine.client.caller.serviceDay.list({ from: '2026-03-01', to: '2026-03-31' });
    expect(listed.every((d) => d.contractId === mine.contract.id)).toBe(true);
    expect((await mine.caterer.caller.contract.list()).map((c) => c.id)).toEqual([mine.contract.id]);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('serviceDay.list input', () => {
  it('rejects bad dates, a reversed range and a range over 366 days with field paths', async () => {
    const { client } = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ from: '2026-02-30', to: '2026-03-31' }, 'from'],
      [{ from: '2026-03-01', to: '31.03.2026' }, 'to'],
      [{ from: '2026-03-31', to: '2026-03-01' }, 'to'],
      [{ from: '2026-01-01', to: '2027-01-02' }, 'to'],
      [{ from: '2026-03-01', to: '2026-03-31', status: 'DONE' }, 'status'],
      [{ from: '2026-03-01', to: '2026-03-31', contractId: 'nope' }, 'contractId'],
    ];
    for (const [input, field] of cases) {
      const error = await rejectionOf(client.caller.serviceDay.list(input as never));
      expect(error.code).toBe('BAD_REQUEST');
      expect(fieldsOf(error)).toContain(field);
    }
    // 366 days inclusive is allowed.
    expect(await client.caller.serviceDay.list({ from: '2026-01-01', to: '2027-01-01' })).toHaveLength(21);
  });

  it("without a contract lists the viewer's side of the contracts: a caterer's with every client, a client's with every caterer", async () => {
    const a = await setup();
    const b = await catererAndClient(t.db, a.clock);
    const aWithY = await agreeContract(a.caterer, b.client);
    const bWithX = await agreeContract(b.caterer, a.client);
    const bWithYDeleted = await agreeContract(b.caterer, b.client);
    await t.db.execute(sql`update contracts set deleted_at = now() where id = ${bWithYDeleted.id}::uuid`);
    const contractsListed = async (party: { caller: typeof a.client.caller }) => {
      const days = await party.caller.serviceDay.list({ from: '2026-03-01', to: '2026-03-31' });
      expect(days.length).toBeGreaterThan(0);
      return [...new Set(days.map((d) => d.contractId))].sort();
    };
    expect(await contractsListed(a.caterer)).toEqual([a.contract.id, aWithY.id].sort());
    expect(await contractsListed(a.client)).toEqual([a.contract.id, bWithX.id].sort());
    expect(await contractsListed(b.caterer)).toEqual([bWithX.id]);
    expect(await contractsListed(b.client)).toEqual([aWithY.id]);
  });

  it('filters by status', async () => {
    const { client, dayOn } = await setup();
    await client.caller.serviceDay.confirmExpected({ id: dayOn('2026-03-12').id, quantity: 12 });
    const confirmed = await client.caller.serviceDay.list({ from: '2026-03-01', to: '2026-03-31', status: 'EXPECTED_CONFIRMED' });
    expect(confirmed.map((d) => d.serviceDate)).toEqual(['2026-03-12']);
  });
});
