import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCompany, type Clock } from '../support/callers';
import { agreeContract, catererAndClient, eventsFor, fieldsOf, rejectionOf, snapshot } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

// Monday 2 March 2026, UTC client, delivery 12:00, 24 h notice: Wednesday's deadline is Tuesday 12:00.
const START = '2026-03-02T08:00:00Z';
const WEDNESDAY = '2026-03-04';
const AFTER_DEADLINE = new Date('2026-03-04T08:00:00Z');

async function setup(options: { capacity?: number; terms?: Record<string, unknown> } = {}) {
  const clock: Clock = { now: new Date(START) };
  const parties = await catererAndClient(t.db, clock, { capacity: options.capacity });
  const contract = await agreeContract(parties.caterer, parties.client, { lateReductionChargePercent: 50, ...options.terms });
  const [day] = await parties.client.caller.serviceDay.list({ contractId: contract.id, from: WEDNESDAY, to: WEDNESDAY });
  return { clock, ...parties, contract, dayId: day!.id };
}

describe('serviceDay.requestChange', () => {
  it('is possible from the deadline until delivery, once at a time, by the client ADMIN/MANAGER', async () => {
    const { clock, caterer, clientManager, clientEmployee, client, catererManager, dayId } = await setup();
    const ask = { id: dayId, quantity: 25, reason: 'Five visitors from head office.' };
    // Before the deadline the client changes the count itself.
    const early = await rejectionOf(clientManager.caller.serviceDay.requestChange(ask));
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toMatch(/has not passed yet/);
    expect((await client.caller.serviceDay.list({ from: WEDNESDAY, to: WEDNESDAY }))[0]!.canRequestChange).toBe(false);

    clock.now = AFTER_DEADLINE;
    const [before] = await client.caller.serviceDay.list({ from: WEDNESDAY, to: WEDNESDAY });
    expect(before!.canRequestChange).toBe(true);
    expect(before!.canConfirmExpected).toBe(false);
    for (const caller of [clientEmployee.caller, caterer.caller]) {
      expect((await rejectionOf(caller.serviceDay.requestChange(ask))).code).toBe('FORBIDDEN');
    }
    const stranger = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
    expect((await rejectionOf(stranger.caller.serviceDay.requestChange(ask))).code).toBe('NOT_FOUND');
    const outOfRange = await rejectionOf(clientManager.caller.serviceDay.requestChange({ ...ask, quantity: 41 }));
    expect(outOfRange.code).toBe('BAD_REQUEST');
    expect(fieldsOf(outOfRange)).toEqual(['quantity']);
    expect(fieldsOf(await rejectionOf(clientManager.caller.serviceDay.requestChange({ ...ask, reason: '' })))).toEqual(['reason']);

    const requested = await clientManager.caller.serviceDay.requestChange(ask);
    // The PENDING day past its deadline was locked at its count first.
    expect(requested).toMatchObject({
      status: 'EXPECTED_CONFIRMED',
      expectedQuantity: 20,
      changeRequest: {
        quantity: 25,
        previousQuantity: 20,
        reason: ask.reason,
        outcome: 'OPEN',
        requestedAt: AFTER_DEADLINE,
        requestedByEmail: clientManager.session.email,
        answeredAt: null,
        answeredByEmail: null,
      },
      canRequestChange: false,
    });
    const again = await rejectionOf(client.caller.serviceDay.requestChange({ ...ask, quantity: 30 }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already waiting/) });
    const [asCaterer] = await catererManager.caller.serviceDay.list({ from: WEDNESDAY, to: WEDNESDAY });
    expect(asCaterer).toMatchObject({ canAnswerChange: true, changeRequest: { outcome: 'OPEN' } });
    const types = (await eventsFor(t.db, dayId)).map((e) => e.event_type);
    expect(types).toEqual(expect.arrayContaining(['service_day.expected_auto_locked', 'service_day.change_requested']));

    // At the delivery time it is too late.
    await catererManager.caller.serviceDay.answerChange({ id: dayId, accept: false, note: 'Kitchen is full.' });
    clock.now = new Date('2026-03-04T12:00:00Z');
    const late = await rejectionOf(client.caller.serviceDay.requestChange(ask));
    expect(late.message).toMatch(/delivery time of 2026-03-04/);
  });
});

describe('serviceDay.answerChange', () => {
  it('accepting applies the count and records who and when; declining keeps it; both tell the client', async () => {
    const { clock, caterer, client, catererManager, catererEmployee, clientManager, dayId } = await setup();
    clock.now = AFTER_DEADLINE;
    await clientManager.caller.serviceDay.requestChange({ id: dayId, quantity: 25, reason: 'Visitors.' });
    expect((await rejectionOf(client.caller.serviceDay.answerChange({ id: dayId, accept: true }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(catererEmployee.caller.serviceDay.answerChange({ id: dayId, accept: true }))).code).toBe('FORBIDDEN');
    const other = await registerCompany(t.db, { companyType: 'CATERING' }, clock);
    expect((await rejectionOf(other.caller.serviceDay.answerChange({ id: dayId, accept: true }))).code).toBe('NOT_FOUND');

    const accepted = await catererManager.caller.serviceDay.answerChange({ id: dayId, accept: true, note: 'Fine.' });
    expect(accepted).toMatchObject({
      expectedQuantity: 25,
      changeRequest: { outcome: 'ACCEPTED', answeredAt: AFTER_DEADLINE, answeredByEmail: catererManager.session.email, note: 'Fine.' },
      lateRemovedMeals: 0,
      canAnswerChange: false,
    });
    // The client sees who asked and who answered too.
    const [seen] = await client.caller.serviceDay.list({ from: WEDNESDAY, to: WEDNESDAY });
    expect(seen!.changeRequest).toMatchObject({ requestedByEmail: clientManager.session.email, answeredByEmail: catererManager.session.email });
    expect((await rejectionOf(catererManager.caller.serviceDay.answerChange({ id: dayId, accept: true }))).message).toMatch(
      /no change request waiting/,
    );
    const answered = (await eventsFor(t.db, dayId)).filter((e) => e.event_type === 'service_day.change_answered');
    expect(answered[0]!.payload).toMatchObject({ accepted: true, previousQuantity: 20, quantity: 25, actorUserId: catererManager.session.userId });

    // A reduction: removed meals are recorded for the late reduction charge; a decline changes nothing.
    await client.caller.serviceDay.requestChange({ id: dayId, quantity: 15, reason: 'Half the team is ill.' });
    const reduced = await catererManager.caller.serviceDay.answerChange({ id: dayId, accept: true });
    expect(reduced).toMatchObject({ expectedQuantity: 15, lateRemovedMeals: 10 });
    await client.caller.serviceDay.requestChange({ id: dayId, quantity: 12, reason: 'Three more ill.' });
    const declined = await catererManager.caller.serviceDay.answerChange({ id: dayId, accept: false });
    expect(declined).toMatchObject({ expectedQuantity: 15, lateRemovedMeals: 10, changeRequest: { outcome: 'DECLINED', quantity: 12 } });

    // On the statement the 10 removed meals are billed at 50 % of 15.00, as a line of their own.
    clock.now = new Date('2026-03-04T15:00:00Z');
    await catererManager.caller.serviceDay.confirmServed({ id: dayId, quantity: 15 });
    const draft = await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-03' });
    const late = draft.content.lines.filter((l) => l.kind === 'LATE_REDUCTION');
    expect(late).toEqual([
      expect.objectContaining({ kind: 'LATE_REDUCTION', chargePercent: 50, meals: 10, days: 1, netCents: 7500, firstDate: WEDNESDAY }),
    ]);
    const item = draft.content.items.find((i) => i.serviceDayId === dayId)!;
    expect(item).toMatchObject({ kind: 'SERVICE', quantity: 15, netCents: 15 * 1500 + 7500, lateRemovedMeals: 10, lateChargeCents: 7500 });
    const service = draft.content.lines.find((l) => l.kind === 'SERVICE')!;
    expect(service.netCents % 1500).toBe(0);
  });

  it('accepting is checked against the daily capacity: within it passes, beyond it is CONFLICT and changes nothing', async () => {
    // Capacity 50: this contract plans 20, another client's 25 → 45 on Wednesday.
    const { clock, caterer, client, catererManager, dayId } = await setup({ capacity: 50 });
    const neighbour = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
    await agreeContract(caterer, neighbour, { defaultQuantity: 25 });
    clock.now = AFTER_DEADLINE;
    await client.caller.serviceDay.requestChange({ id: dayId, quantity: 25, reason: 'Five more.' });
    await catererManager.caller.serviceDay.answerChange({ id: dayId, accept: true }); // 50: exactly full
    await client.caller.serviceDay.requestChange({ id: dayId, quantity: 26, reason: 'One more.' });
    const before = await snapshot(t.db);
    const over = await rejectionOf(catererManager.caller.serviceDay.answerChange({ id: dayId, accept: true }));
    expect(over).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Capacity exceeded on 2026-03-04/) });
    expect(await snapshot(t.db)).toEqual(before);
    // Declining is always possible.
    expect(await catererManager.caller.serviceDay.answerChange({ id: dayId, accept: false })).toMatchObject({ expectedQuantity: 25 });
  });

  it('an open request is closed when the served count is confirmed', async () => {
    const { clock, client, catererManager, dayId } = await setup();
    clock.now = AFTER_DEADLINE;
    await client.caller.serviceDay.requestChange({ id: dayId, quantity: 25, reason: 'Visitors.' });
    clock.now = new Date('2026-03-04T15:00:00Z');
    const served = await catererManager.caller.serviceDay.confirmServed({ id: dayId, quantity: 22 });
    expect(served).toMatchObject({
      status: 'SERVED_CONFIRMED',
      changeRequest: { outcome: 'CLOSED', requestedByEmail: client.session.email, answeredByEmail: catererManager.session.email },
      canAnswerChange: false,
    });
    expect((await rejectionOf(catererManager.caller.serviceDay.answerChange({ id: dayId, accept: true }))).code).toBe('CONFLICT');
  });
});

describe('lateReductionChargePercent', () => {
  it('is a term of the contract (create, get, update), 0–100', async () => {
    const { caterer, client, contract } = await setup({ terms: { lateReductionChargePercent: 40 } });
    expect(contract.lateReductionChargePercent).toBe(40);
    expect((await client.caller.contract.get({ id: contract.id })).lateReductionChargePercent).toBe(40);
    expect((await caterer.caller.contract.update({ id: contract.id, lateReductionChargePercent: 100 })).lateReductionChargePercent).toBe(100);
    const bad = await rejectionOf(caterer.caller.contract.update({ id: contract.id, lateReductionChargePercent: 101 }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad)).toEqual(['lateReductionChargePercent']);
  });
});
