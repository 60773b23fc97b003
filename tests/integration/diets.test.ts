import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { serviceDays } from '@/db/schema';
import { autoLockDueServiceDays } from '@/server/services/service-days/auto-lock';
import type { Clock } from '../support/callers';
import { catererAndClient, contractTerms, eventsFor, fieldsOf, rejectionOf, snapshot, agreeContract } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

// Monday 2026-03-02, 08:00 UTC; days Mon–Fri at 12:00 with 24 h notice, 10–150 meals.
const START = '2026-03-02T08:00:00Z';
const DIET_TERMS = {
  maxQuantity: 150,
  defaultQuantity: 120,
  dietOptions: ['GLUTEN_FREE', 'VEGETARIAN', 'VEGAN'],
  defaultDiets: { VEGETARIAN: 14, GLUTEN_FREE: 6 },
};

async function setup(terms: Record<string, unknown> = DIET_TERMS) {
  const clock: Clock = { now: new Date(START) };
  const parties = await catererAndClient(t.db, clock);
  const contract = await agreeContract(parties.caterer, parties.client, terms);
  const list = () => parties.client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-01', to: '2026-03-31' });
  const days = await list();
  const dayOn = (date: string) => days.find((d) => d.serviceDate === date)!;
  return { clock, ...parties, contract, days, dayOn, list };
}

async function dietsOf(id: string) {
  const [row] = await t.db.select({ diets: serviceDays.diets, quantity: serviceDays.expectedQuantity }).from(serviceDays).where(eq(serviceDays.id, id));
  return row!;
}

describe('diets on contracts', () => {
  it('create and get carry the offered diets (a set in one order) and the default split; new days start with it', async () => {
    const { contract, caterer, client, days } = await setup();
    expect(contract).toMatchObject({ dietOptions: ['VEGETARIAN', 'VEGAN', 'GLUTEN_FREE'], defaultDiets: { VEGETARIAN: 14, GLUTEN_FREE: 6 } });
    expect(await client.caller.contract.get({ id: contract.id })).toMatchObject({ dietOptions: contract.dietOptions, defaultDiets: contract.defaultDiets });
    expect(days.length).toBeGreaterThan(10);
    expect(days.every((d) => d.diets.VEGETARIAN === 14 && d.diets.GLUTEN_FREE === 6 && d.expectedQuantity === 120)).toBe(true);
    // The caterer sees the same split.
    const seen = await caterer.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-02', to: '2026-03-02' });
    expect(seen[0]).toMatchObject({ diets: { VEGETARIAN: 14, GLUTEN_FREE: 6 }, dietOptions: ['VEGETARIAN', 'VEGAN', 'GLUTEN_FREE'] });
  });

  it('a contract without diets offers standard meals only', async () => {
    const { contract, days } = await setup({});
    expect(contract).toMatchObject({ dietOptions: [], defaultDiets: {} });
    expect(days[0]!.diets).toEqual({});
  });

  it('refuses a default split of diets not offered, or of more meals than the default, naming the field; nothing changes', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock);
    const before = await snapshot(t.db);
    const notOffered = await rejectionOf(
      caterer.caller.contract.create({ clientEmail: client.email, ...contractTerms({ dietOptions: ['VEGAN'], defaultDiets: { HALAL: 2 } }) }),
    );
    expect(notOffered.code).toBe('BAD_REQUEST');
    expect(fieldsOf(notOffered)).toEqual(['defaultDiets.HALAL']);
    const tooMany = await rejectionOf(
      caterer.caller.contract.create({ clientEmail: client.email, ...contractTerms({ dietOptions: ['VEGAN'], defaultDiets: { VEGAN: 21 } }) }),
    );
    expect(fieldsOf(tooMany)).toEqual(['defaultDiets']);
    expect(tooMany.message).toContain('21 meals, more than the 20');
    const unknown = await rejectionOf(
      caterer.caller.contract.create({ clientEmail: client.email, ...contractTerms({ dietOptions: ['PESCATARIAN'] }) }),
    );
    expect(unknown.code).toBe('BAD_REQUEST');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('update changes diets; open days follow the new default, and an update that orphans the default split is refused', async () => {
    const { caterer, contract, list } = await setup();
    const updated = await caterer.caller.contract.update({ id: contract.id, dietOptions: ['VEGETARIAN', 'VEGAN', 'GLUTEN_FREE', 'HALAL'], defaultDiets: { HALAL: 5 } });
    expect(updated).toMatchObject({ dietOptions: ['VEGETARIAN', 'VEGAN', 'GLUTEN_FREE', 'HALAL'], defaultDiets: { HALAL: 5 } });
    const [event] = (await eventsFor(t.db, contract.id)).filter((e) => e.event_type === 'contract.updated');
    expect(event!.payload.changed).toEqual(['dietOptions', 'defaultDiets']);
    const later = (await list()).filter((d) => d.serviceDate >= '2026-03-09');
    expect(later.every((d) => JSON.stringify(d.diets) === '{"HALAL":5}')).toBe(true);

    const orphan = await rejectionOf(caterer.caller.contract.update({ id: contract.id, dietOptions: ['VEGAN'] }));
    expect(orphan.code).toBe('BAD_REQUEST');
    expect(fieldsOf(orphan)).toEqual(['defaultDiets.HALAL']);
  });

  it('only the caterer admin edits diets; another tenant gets NOT_FOUND', async () => {
    const { contract, client, catererManager } = await setup();
    expect((await rejectionOf(client.caller.contract.update({ id: contract.id, dietOptions: [] }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(catererManager.caller.contract.update({ id: contract.id, dietOptions: [] }))).code).toBe('FORBIDDEN');
    const other = await catererAndClient(t.db, { now: new Date(START) });
    expect((await rejectionOf(other.caterer.caller.contract.update({ id: contract.id, dietOptions: [] }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(other.caterer.caller.contract.get({ id: contract.id }))).code).toBe('NOT_FOUND');
  });
});

describe('the diet split of a confirmation', () => {
  it('the client confirms 120 = 100 standard + 14 vegetarian + 6 gluten-free; both parties see it; the event carries it', async () => {
    const { clientManager, caterer, dayOn, contract } = await setup({ ...DIET_TERMS, defaultDiets: {} });
    const wednesday = dayOn('2026-03-04');
    const confirmed = await clientManager.caller.serviceDay.confirmExpected({
      id: wednesday.id,
      quantity: 120,
      diets: { VEGETARIAN: 14, GLUTEN_FREE: 6, VEGAN: 0 },
    });
    expect(confirmed).toMatchObject({ status: 'EXPECTED_CONFIRMED', expectedQuantity: 120, diets: { VEGETARIAN: 14, GLUTEN_FREE: 6 } });
    expect(await dietsOf(wednesday.id)).toEqual({ quantity: 120, diets: { VEGETARIAN: 14, GLUTEN_FREE: 6 } });
    const [seen] = await caterer.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-04', to: '2026-03-04' });
    expect(seen!.diets).toEqual({ VEGETARIAN: 14, GLUTEN_FREE: 6 });
    const events = (await eventsFor(t.db, wednesday.id)).filter((e) => e.event_type === 'service_day.expected_confirmed');
    expect(events[0]!.payload).toMatchObject({ quantity: 120, diets: { VEGETARIAN: 14, GLUTEN_FREE: 6 } });
  });

  it('refuses a diet not offered, negative counts and a split over the quantity, with a clear error on the field; nothing changes', async () => {
    const { client, dayOn } = await setup();
    const day = dayOn('2026-03-04');
    const before = await snapshot(t.db);
    const notOffered = await rejectionOf(client.caller.serviceDay.confirmExpected({ id: day.id, quantity: 100, diets: { HALAL: 3 } }));
    expect(notOffered).toMatchObject({ code: 'BAD_REQUEST', message: 'Halal meals are not offered by this contract.' });
    expect(fieldsOf(notOffered)).toEqual(['diets.HALAL']);
    const over = await rejectionOf(client.caller.serviceDay.confirmExpected({ id: day.id, quantity: 100, diets: { VEGETARIAN: 90, VEGAN: 11 } }));
    expect(over.code).toBe('BAD_REQUEST');
    expect(fieldsOf(over)).toEqual(['diets']);
    expect(over.message).toContain('101 meals, more than the 100');
    const negative = await rejectionOf(client.caller.serviceDay.confirmExpected({ id: day.id, quantity: 100, diets: { VEGAN: -1 } }));
    expect(fieldsOf(negative)).toEqual(['diets.VEGAN']);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('without diets the day keeps its split; a quantity below the split is refused until the diets change too', async () => {
    const { client, dayOn } = await setup();
    const day = dayOn('2026-03-04');
    await client.caller.serviceDay.confirmExpected({ id: day.id, quantity: 100 });
    expect(await dietsOf(day.id)).toEqual({ quantity: 100, diets: { VEGETARIAN: 14, GLUTEN_FREE: 6 } });
    const shrunk = await rejectionOf(client.caller.serviceDay.confirmExpected({ id: day.id, quantity: 15 }));
    expect(shrunk.code).toBe('BAD_REQUEST');
    expect(fieldsOf(shrunk)).toEqual(['diets']);
    await client.caller.serviceDay.confirmExpected({ id: day.id, quantity: 15, diets: { VEGAN: 15 } });
    expect(await dietsOf(day.id)).toEqual({ quantity: 15, diets: { VEGAN: 15 } });
  });

  it('a batch with one bad split changes nothing and names the day', async () => {
    const { client, dayOn } = await setup();
    const [a, b] = [dayOn('2026-03-04'), dayOn('2026-03-05')];
    const before = await snapshot(t.db);
    const error = await rejectionOf(
      client.caller.serviceDay.confirmExpectedBatch({
        items: [
          { id: a.id, quantity: 110, diets: { VEGAN: 10 } },
          { id: b.id, quantity: 110, diets: { KOSHER: 1 } },
        ],
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('2026-03-05');
    expect(fieldsOf(error)).toEqual(['items.1.diets.KOSHER']);
    expect(await snapshot(t.db)).toEqual(before);
    const done = await client.caller.serviceDay.confirmExpectedBatch({
      items: [
        { id: a.id, quantity: 110, diets: { VEGAN: 10 } },
        { id: b.id, quantity: 90 },
      ],
    });
    expect(done.map((d) => d.diets)).toEqual([{ VEGAN: 10 }, { VEGETARIAN: 14, GLUTEN_FREE: 6 }]);
  });

  it("suggests last week's split for the same weekday on a day not confirmed yet", async () => {
    const { client, dayOn, list } = await setup();
    await client.caller.serviceDay.confirmExpected({ id: dayOn('2026-03-04').id, quantity: 100, diets: { VEGAN: 9 } });
    const days = await list();
    const next = days.find((d) => d.serviceDate === '2026-03-11')!;
    expect(next.suggestedDiets).toEqual({ VEGAN: 9 });
    // Other weekdays follow their own last week; a confirmed day has no suggestion.
    expect(days.find((d) => d.serviceDate === '2026-03-12')!.suggestedDiets).toEqual({ VEGETARIAN: 14, GLUTEN_FREE: 6 });
    expect(days.find((d) => d.serviceDate === '2026-03-04')!.suggestedDiets).toBeNull();
    expect(days.find((d) => d.serviceDate === '2026-03-02')!.suggestedDiets).toBeNull();
  });

  it('auto-lock at the deadline keeps the current split', async () => {
    const { client, clock, dayOn, contract } = await setup();
    const day = dayOn('2026-03-03');
    await client.caller.serviceDay.confirmExpected({ id: day.id, quantity: 130, diets: { VEGAN: 30 } });
    // Back to PENDING as if never confirmed by a person, with its split; then past its deadline.
    await t.db.update(serviceDays).set({ status: 'PENDING', expectedQuantityConfirmedAt: null, expectedQuantityConfirmerId: null }).where(eq(serviceDays.id, day.id));
    clock.now = new Date('2026-03-02T12:30:00Z');
    await autoLockDueServiceDays(t.db, { now: clock.now, contractId: contract.id });
    const [row] = await t.db.select().from(serviceDays).where(eq(serviceDays.id, day.id));
    expect(row).toMatchObject({ status: 'EXPECTED_CONFIRMED', expectedQuantity: 130, diets: { VEGAN: 30 }, expectedQuantityConfirmerId: null });
  });
});

describe('the answer of a confirmation', () => {
  it('is each day exactly as a fresh read shows it afterwards, one day or a batch (it is built from the locked rows, not read again)', async () => {
    const { client, dayOn, list } = await setup();
    const one = await client.caller.serviceDay.confirmExpected({ id: dayOn('2026-03-10').id, quantity: 100, diets: { VEGAN: 12 } });
    const batch = await client.caller.serviceDay.confirmExpectedBatch({
      items: [
        { id: dayOn('2026-03-12').id, quantity: 90 },
        { id: dayOn('2026-03-11').id, quantity: 110, diets: { GLUTEN_FREE: 5, VEGETARIAN: 20 } },
      ],
    });
    const after = await list();
    const fresh = (id: string) => after.find((d) => d.id === id);
    expect(one).toEqual(fresh(one.id));
    expect(batch.map((d) => d.serviceDate)).toEqual(['2026-03-12', '2026-03-11']);
    for (const day of batch) expect(day).toEqual(fresh(day.id));
    expect(batch[0]).toMatchObject({ status: 'EXPECTED_CONFIRMED', expectedQuantity: 90, diets: { VEGETARIAN: 14, GLUTEN_FREE: 6 }, expectedAutoLocked: false });
  });
});
