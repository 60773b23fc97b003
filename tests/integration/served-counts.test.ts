import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../support/callers';
import { catererAndClient, eventsFor, fieldsOf, rejectionOf, snapshot, agreeContract } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

// Monday 2 March 2026; the contract expects 127 a day (max 160), 24 h notice, delivery 12:00 UTC.
const START = '2026-03-02T08:00:00Z';

async function servedDayOn(date: string) {
  const clock: Clock = { now: new Date(START) };
  const parties = await catererAndClient(t.db, clock);
  const contract = await agreeContract(parties.caterer, parties.client, { minDailyQuantity: 100, defaultQuantity: 127, maxQuantity: 160, startDate: '2026-03-01' });
  const [day] = await parties.client.caller.serviceDay.list({ contractId: contract.id, from: date, to: date });
  clock.now = new Date(`${date}T15:00:00Z`);
  return { ...parties, clock, contract, day: day! };
}

describe('serviceDay.confirmServed: outliers', () => {
  it('the 999-for-127 typo is refused unless confirmed as an outlier; nothing changes', async () => {
    const { caterer, day } = await servedDayOn('2026-03-04');
    const before = await snapshot(t.db);
    const error = await rejectionOf(caterer.caller.serviceDay.confirmServed({ id: day.id, quantity: 999 }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/^Served 999 — that is above the contract's maximum of 160\./);
    expect(fieldsOf(error)).toEqual(['quantity']);
    const low = await rejectionOf(caterer.caller.serviceDay.confirmServed({ id: day.id, quantity: 63 }));
    expect(low.message).toMatch(/less than half of the 127 meals expected/);
    expect(await snapshot(t.db)).toEqual(before);

    const saved = await caterer.caller.serviceDay.confirmServed({ id: day.id, quantity: 999, confirmOutlier: true });
    expect(saved).toMatchObject({ status: 'SERVED_CONFIRMED', servedQuantity: 999 });
  });

  it('a plausible count needs no confirmation', async () => {
    const { caterer, day } = await servedDayOn('2026-03-04');
    expect(await caterer.caller.serviceDay.confirmServed({ id: day.id, quantity: 160 })).toMatchObject({ servedQuantity: 160 });
  });
});

describe('serviceDay.correctServed', () => {
  it('corrects the own count within 24 hours: both counts kept and shown, the note stored, the client told', async () => {
    const { caterer, catererManager, client, clock, day } = await servedDayOn('2026-03-04');
    await caterer.caller.serviceDay.confirmServed({ id: day.id, quantity: 999, confirmOutlier: true });
    clock.now = new Date('2026-03-05T14:59:00Z'); // 23 h 59 min later
    const corrected = await catererManager.caller.serviceDay.correctServed({ id: day.id, quantity: 127, note: ' Typo: one 9 too many. ' });
    expect(corrected).toMatchObject({
      status: 'SERVED_CONFIRMED',
      servedQuantity: 127,
      originalServedQuantity: 999,
      servedCorrectionNote: 'Typo: one 9 too many.',
      servedCorrectedAt: clock.now,
      costCents: 127 * 1500,
    });
    const [asClient] = await client.caller.serviceDay.list({ contractId: day.contractId, from: '2026-03-04', to: '2026-03-04' });
    expect(asClient).toMatchObject({ servedQuantity: 127, originalServedQuantity: 999, servedCorrectionNote: 'Typo: one 9 too many.', canDispute: true });
    const events = await eventsFor(t.db, day.id);
    expect(events.at(-1)).toMatchObject({
      event_type: 'service_day.served_corrected',
      payload: { previousServedQuantity: 999, servedQuantity: 127, note: 'Typo: one 9 too many.' },
    });
    // A second correction keeps the very first count.
    expect(await caterer.caller.serviceDay.correctServed({ id: day.id, quantity: 126, note: 'One more left over.' })).toMatchObject({
      servedQuantity: 126,
      originalServedQuantity: 999,
    });
  });

  it('after 24 hours, or once disputed, it is CONFLICT and nothing changes', async () => {
    const { caterer, client, clock, day } = await servedDayOn('2026-03-04');
    await caterer.caller.serviceDay.confirmServed({ id: day.id, quantity: 130 });
    clock.now = new Date('2026-03-05T15:00:01Z');
    const before = await snapshot(t.db);
    const late = await rejectionOf(caterer.caller.serviceDay.correctServed({ id: day.id, quantity: 127, note: 'Late.' }));
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toMatch(/within 24 hours/);
    expect(await snapshot(t.db)).toEqual(before);

    const other = await servedDayOn('2026-03-04');
    await other.caterer.caller.serviceDay.confirmServed({ id: other.day.id, quantity: 130 });
    await other.client.caller.serviceDay.dispute({ id: other.day.id, reason: 'We counted 127.' });
    const disputed = await rejectionOf(other.caterer.caller.serviceDay.correctServed({ id: other.day.id, quantity: 127, note: 'Agreed.' }));
    expect(disputed.code).toBe('CONFLICT');
    expect(disputed.message).toMatch(/resolve the dispute instead/);
    void client;
  });

  it('the client (FORBIDDEN), another caterer (NOT_FOUND) and bad input (BAD_REQUEST) change nothing', async () => {
    const { caterer, client, catererEmployee, day } = await servedDayOn('2026-03-04');
    await caterer.caller.serviceDay.confirmServed({ id: day.id, quantity: 130 });
    const stranger = await servedDayOn('2026-03-04');
    const before = await snapshot(t.db);
    expect((await rejectionOf(client.caller.serviceDay.correctServed({ id: day.id, quantity: 127, note: 'x' }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(catererEmployee.caller.serviceDay.correctServed({ id: day.id, quantity: 127, note: 'x' }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(stranger.caterer.caller.serviceDay.correctServed({ id: day.id, quantity: 127, note: 'x' }))).code).toBe('NOT_FOUND');
    const noNote = await rejectionOf(caterer.caller.serviceDay.correctServed({ id: day.id, quantity: 127, note: '' }));
    expect([noNote.code, fieldsOf(noNote)]).toEqual(['BAD_REQUEST', ['note']]);
    const negative = await rejectionOf(caterer.caller.serviceDay.correctServed({ id: day.id, quantity: -1, note: 'x' }));
    expect([negative.code, fieldsOf(negative)]).toEqual(['BAD_REQUEST', ['quantity']]);
    expect(await snapshot(t.db)).toEqual(before);
  });
});
