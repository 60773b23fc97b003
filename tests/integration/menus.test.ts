import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import type { Clock } from '../support/callers';
import { agreeContract, catererAndClient, fieldsOf, rejectionOf, snapshot } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';
import { drainAndSend } from '../support/outbox-fixtures';
import { emailHandler } from '@/server/outbox/handlers/email';
import { notificationsHandler } from '@/server/outbox/handlers/notifications';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

// Monday 2026-03-02, 08:00 UTC.
const START = '2026-03-02T08:00:00Z';
const SOUP = { name: 'Żurek with egg', diets: [], allergens: ['GLUTEN', 'EGGS', 'CELERY'] };
const BOWL = { name: 'Lentil dhal', diets: ['VEGAN', 'VEGETARIAN', 'VEGAN'], allergens: [] };

async function setup(terms: Record<string, unknown> = {}) {
  const clock: Clock = { now: new Date(START) };
  const parties = await catererAndClient(t.db, clock);
  const contract = await agreeContract(parties.caterer, parties.client, { dietOptions: ['VEGAN', 'VEGETARIAN'], ...terms });
  return { clock, ...parties, contract };
}

async function digests(contractId: string) {
  return queryRows<{ payload: { dates: string[]; clientId: string }; next_retry_at: Date | string; status: string }>(
    t.db,
    sql`select payload, next_retry_at, status from outbox_events where aggregate_id = ${contractId}::uuid and event_type = 'menu.updated' order by created_at`,
  );
}

describe('menus', () => {
  it('the caterer publishes a day’s menu; both parties read it; diets and allergens are sets in one order', async () => {
    const { caterer, catererManager, client, clientEmployee, contract } = await setup();
    const set = await catererManager.caller.menu.set({ contractId: contract.id, date: '2026-03-04', dishes: [SOUP, BOWL] });
    expect(set).toMatchObject({
      date: '2026-03-04',
      dishes: [
        { name: 'Żurek with egg', diets: [], allergens: ['GLUTEN', 'EGGS', 'CELERY'] },
        { name: 'Lentil dhal', diets: ['VEGETARIAN', 'VEGAN'], allergens: [] },
      ],
    });
    for (const reader of [caterer, client, clientEmployee]) {
      const list = await reader.caller.menu.list({ contractId: contract.id, from: '2026-03-02', to: '2026-03-08' });
      expect(list.map((m) => [m.date, m.dishes.length])).toEqual([['2026-03-04', 2]]);
    }
    // Beside the day the client confirms.
    const [day] = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-04', to: '2026-03-04' });
    expect(day!.menu.map((d) => d.name)).toEqual(['Żurek with egg', 'Lentil dhal']);
    // `dishes: []` removes it.
    expect(await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-04', dishes: [] })).toBeNull();
    expect(await client.caller.menu.list({ contractId: contract.id, from: '2026-03-02', to: '2026-03-08' })).toEqual([]);
  });

  it('validates dishes (1–20 names, the 14 EU allergens, known diets) and dates, with field paths; nothing changes', async () => {
    const { caterer, contract } = await setup();
    const before = await snapshot(t.db, ['menus']);
    const cases: [unknown, string][] = [
      [{ dishes: [{ ...SOUP, allergens: ['PEANUT'] }] }, 'dishes.0.allergens.0'],
      [{ dishes: [{ ...SOUP, diets: ['PALEO'] }] }, 'dishes.0.diets.0'],
      [{ dishes: [{ ...SOUP, name: '  ' }] }, 'dishes.0.name'],
      [{ dishes: Array.from({ length: 21 }, () => SOUP) }, 'dishes'],
      [{ date: '2026-02-30' }, 'date'],
      [{ date: '2027-01-04' }, 'date'],
    ];
    for (const [change, field] of cases) {
      const input = { contractId: contract.id, date: '2026-03-04', dishes: [SOUP], ...(change as object) };
      const error = await rejectionOf(caterer.caller.menu.set(input as never));
      expect(error.code, field).toBe('BAD_REQUEST');
      expect(fieldsOf(error), field).toContain(field);
    }
    expect(await snapshot(t.db, ['menus'])).toEqual(before);
  });

  it('only the caterer’s ADMIN/MANAGER write; another tenant’s contract is NOT_FOUND for writing and reading', async () => {
    const { client, catererEmployee, contract } = await setup();
    const input = { contractId: contract.id, date: '2026-03-04', dishes: [SOUP] };
    expect((await rejectionOf(client.caller.menu.set(input))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(catererEmployee.caller.menu.set(input))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(client.caller.menu.copyWeek({ contractId: contract.id, fromWeekStart: '2026-03-02', toWeekStart: '2026-03-09' }))).code).toBe('FORBIDDEN');
    const other = await catererAndClient(t.db, { now: new Date(START) });
    expect((await rejectionOf(other.caterer.caller.menu.set(input))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(other.caterer.caller.menu.list({ contractId: contract.id, from: '2026-03-02', to: '2026-03-08' }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(other.client.caller.menu.list({ contractId: contract.id, from: '2026-03-02', to: '2026-03-08' }))).code).toBe('NOT_FOUND');
    expect(
      (await rejectionOf(other.caterer.caller.menu.copyWeek({ contractId: contract.id, fromWeekStart: '2026-03-02', toWeekStart: '2026-03-09' }))).code,
    ).toBe('NOT_FOUND');
  });

  it('copyWeek fills the empty days of the target week from the same weekdays; a day that has a menu keeps it; weeks start on Monday', async () => {
    const { caterer, client, contract } = await setup();
    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-02', dishes: [SOUP] });
    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-04', dishes: [BOWL, SOUP] });
    // The target week already has a Wednesday and a Thursday menu: both stay.
    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-11', dishes: [BOWL] });
    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-12', dishes: [SOUP] });
    const copied = await caterer.caller.menu.copyWeek({ contractId: contract.id, fromWeekStart: '2026-03-02', toWeekStart: '2026-03-09' });
    expect(copied).toMatchObject({ copied: 1, keptDates: ['2026-03-11'], skippedDates: [] });
    expect(copied.menus.map((m) => [m.date, m.dishes.map((d) => d.name)])).toEqual([
      ['2026-03-09', ['Żurek with egg']],
      ['2026-03-11', ['Lentil dhal']],
      ['2026-03-12', ['Żurek with egg']],
    ]);
    expect((await client.caller.menu.list({ contractId: contract.id, from: '2026-03-09', to: '2026-03-15' })).length).toBe(3);

    const notMonday = await rejectionOf(caterer.caller.menu.copyWeek({ contractId: contract.id, fromWeekStart: '2026-03-03', toWeekStart: '2026-03-09' }));
    expect(notMonday.code).toBe('BAD_REQUEST');
    expect(fieldsOf(notMonday)).toEqual(['fromWeekStart']);
    const same = await rejectionOf(caterer.caller.menu.copyWeek({ contractId: contract.id, fromWeekStart: '2026-03-09', toWeekStart: '2026-03-09' }));
    expect(fieldsOf(same)).toEqual(['toWeekStart']);
    const empty = await rejectionOf(caterer.caller.menu.copyWeek({ contractId: contract.id, fromWeekStart: '2026-03-23', toWeekStart: '2026-03-30' }));
    expect(empty.code).toBe('PRECONDITION_FAILED');
  });

  it('copying last week, editing a dish and copying again (a repeated or late copy) keeps the edited dish', async () => {
    const { caterer, client, contract } = await setup();
    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-09', dishes: [{ name: 'Pierogi', diets: ['VEGETARIAN'], allergens: ['GLUTEN'] }] });
    await caterer.caller.menu.copyWeek({ contractId: contract.id, fromWeekStart: '2026-03-09', toWeekStart: '2026-03-16' });
    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-16', dishes: [{ name: 'Pierogi ruskie', diets: ['VEGETARIAN'], allergens: ['GLUTEN', 'MILK'] }] });
    const again = await caterer.caller.menu.copyWeek({ contractId: contract.id, fromWeekStart: '2026-03-09', toWeekStart: '2026-03-16' });
    expect(again).toMatchObject({ copied: 0, keptDates: ['2026-03-16'] });
    const [menu] = await client.caller.menu.list({ contractId: contract.id, from: '2026-03-16', to: '2026-03-16' });
    expect(menu!.dishes).toEqual([{ name: 'Pierogi ruskie', diets: ['VEGETARIAN'], allergens: ['GLUTEN', 'MILK'] }]);
    const [day] = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-16', to: '2026-03-16' });
    expect(day!.menu.map((d) => d.name)).toEqual(['Pierogi ruskie']);
  });

  it('copyWeek skips target days outside the contract’s period and names them', async () => {
    const { catererManager, contract: short } = await setup({ startDate: '2026-03-02', endDate: '2026-03-10' });
    await catererManager.caller.menu.set({ contractId: short.id, date: '2026-03-02', dishes: [SOUP] });
    await catererManager.caller.menu.set({ contractId: short.id, date: '2026-03-04', dishes: [BOWL] });
    const copied = await catererManager.caller.menu.copyWeek({ contractId: short.id, fromWeekStart: '2026-03-02', toWeekStart: '2026-03-09' });
    expect(copied).toMatchObject({ copied: 1, keptDates: [], skippedDates: ['2026-03-11'] });
    expect(copied.menus.map((m) => m.date)).toEqual(['2026-03-09']);
  });

  it('changes in the next 14 days tell the client in one digest per contract per hour; later dates and no-op edits do not', async () => {
    const { caterer, client, clock, contract } = await setup();
    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-05', dishes: [SOUP] });
    clock.now = new Date('2026-03-02T08:20:00Z');
    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-03', dishes: [BOWL] });
    // The same menu again and a date beyond 14 days add nothing.
    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-05', dishes: [SOUP] });
    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-20', dishes: [SOUP] });
    let events = await digests(contract.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload.dates).toEqual(['2026-03-03', '2026-03-05']);
    expect(new Date(events[0]!.next_retry_at).toISOString()).toBe('2026-03-02T09:00:00.000Z');

    // Once that digest is due, the next edit starts another one.
    clock.now = new Date('2026-03-02T09:05:00Z');
    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-06', dishes: [SOUP] });
    events = await digests(contract.id);
    expect(events.map((e) => e.payload.dates)).toEqual([['2026-03-03', '2026-03-05'], ['2026-03-06']]);

    // The due digest reaches the client's people (not the caterer's), naming the caterer and the dates.
    await drainAndSend(t.db, { now: clock.now, handlers: [notificationsHandler, emailHandler('http://x.test')] });
    const told = await client.caller.notification.list();
    expect(told.items.map((n) => n.title)).toContainEqual(expect.stringMatching(/^Company \d+ updated the menu for Tue, 3 Mar and Thu, 5 Mar$/));
    expect((await caterer.caller.notification.list()).items.filter((n) => n.title.includes('updated the menu'))).toEqual([]);
  });
});
