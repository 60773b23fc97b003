import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { exportProduction } from '@/server/services/reports/production-export';
import { registerCompany, type Clock } from '../support/callers';
import { agreeContract, catererAndClient, fieldsOf, rejectionOf, snapshot } from '../support/contracts';
import { pdfText } from '../support/pdf-text';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

// Wednesday 4 March 2026 is the kitchen's day; the clock starts on Monday.
const DAY = '2026-03-04';
const ZUREK = { name: 'Żurek z jajkiem', diets: [], allergens: ['GLUTEN', 'EGGS', 'CELERY'] };
const PIEROGI = { name: 'Pierogi ruskie', diets: ['VEGETARIAN'], allergens: ['GLUTEN', 'MILK'] };

/**
 * One caterer with three clients on Wednesday: Łódź (confirmed by a person, with a diet split),
 * Gdańsk (24 h notice, nobody confirmed: locked by Tuesday 13:00) and Kraków (2 h notice: still open).
 */
async function kitchen() {
  const clock: Clock = { now: new Date('2026-03-02T08:00:00Z') };
  const { caterer, catererManager, catererEmployee, client } = await catererAndClient(t.db, clock);
  await client.caller.company.update({
    name: 'Zakład Łódź',
    deliveryAddress: 'ul. Żółkiewskiego 12, Łódź',
    deliveryInstructions: 'Rampa z tyłu budynku',
    siteContactName: 'Paweł Wąsik',
    siteContactPhone: '+48 601 234 567',
  });
  const gdansk = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Biuro Gdańsk', timezone: 'Europe/Warsaw' }, clock);
  const krakow = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Kraków Software', timezone: 'UTC' }, clock);
  const lodzContract = await agreeContract(caterer, client, { dietOptions: ['VEGETARIAN', 'GLUTEN_FREE'], deliveryTime: '12:30' });
  const gdanskContract = await agreeContract(caterer, gdansk, { deliveryTime: '11:00', defaultQuantity: 30 });
  const krakowContract = await agreeContract(caterer, krakow, { noticeHours: 2, deliveryTime: '13:00', defaultQuantity: 25 });
  const [lodzDay] = await client.caller.serviceDay.list({ contractId: lodzContract.id, from: DAY, to: DAY });
  await client.caller.serviceDay.confirmExpected({ id: lodzDay!.id, quantity: 36, diets: { VEGETARIAN: 14, GLUTEN_FREE: 6 } });
  await caterer.caller.menu.set({ contractId: lodzContract.id, date: DAY, dishes: [ZUREK, PIEROGI] });
  clock.now = new Date('2026-03-03T13:00:00Z');
  return { clock, caterer, catererManager, catererEmployee, client, gdansk, krakow, lodzContract, gdanskContract, krakowContract };
}

describe('report.production', () => {
  it('per client: delivery time on its clock with the zone, address, count, diet split, status and menu; totals per diet and status', async () => {
    const { caterer, catererEmployee } = await kitchen();
    const report = await catererEmployee.caller.report.production({ date: DAY });
    expect(report.lines.map((l) => [l.clientName, l.deliveryTime, l.clientTimeZone, l.total, l.status])).toEqual([
      ['Biuro Gdańsk', '11:00', 'Europe/Warsaw', 30, 'LOCKED'],
      ['Zakład Łódź', '12:30', 'UTC', 36, 'CONFIRMED'],
      ['Kraków Software', '13:00', 'UTC', 25, 'OPEN'],
    ]);
    const lodz = report.lines[1]!;
    expect(lodz).toMatchObject({
      standard: 16,
      diets: { VEGETARIAN: 14, GLUTEN_FREE: 6 },
      delivery: { deliveryAddress: 'ul. Żółkiewskiego 12, Łódź', siteContactName: 'Paweł Wąsik', siteContactPhone: '+48 601 234 567' },
      menu: [{ name: 'Żurek z jajkiem', allergens: ['GLUTEN', 'EGGS', 'CELERY'] }, { name: 'Pierogi ruskie', diets: ['VEGETARIAN'] }],
    });
    expect(report.totals).toEqual({
      meals: 91,
      standard: 71,
      diets: { VEGETARIAN: 14, GLUTEN_FREE: 6 },
      byStatus: { CONFIRMED: 36, LOCKED: 30, OPEN: 25 },
    });
    expect(report.catererTimeZone).toBe('UTC');
    // A date without days is an empty sheet.
    expect((await caterer.caller.report.production({ date: '2026-03-07' })).lines).toEqual([]);
  });

  it('lines come in delivery order across zones: 09:00 in New York is after 13:00 UTC, and 11:00 in Warsaw before 12:30 UTC', async () => {
    const { caterer, clock } = await kitchen();
    const newYork = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Acme New York', timezone: 'America/New_York' }, clock);
    await agreeContract(caterer, newYork, { deliveryTime: '09:00', defaultQuantity: 10, noticeHours: 2 });
    const report = await caterer.caller.report.production({ date: DAY });
    expect(report.lines.map((l) => [l.clientName, l.deliveryTime, l.clientTimeZone])).toEqual([
      ['Biuro Gdańsk', '11:00', 'Europe/Warsaw'],
      ['Zakład Łódź', '12:30', 'UTC'],
      ['Kraków Software', '13:00', 'UTC'],
      ['Acme New York', '09:00', 'America/New_York'],
    ]);
  });

  it('another caterer sees none of these clients; a client is FORBIDDEN; a bad date is BAD_REQUEST', async () => {
    const { client } = await kitchen();
    const other = await catererAndClient(t.db, { now: new Date('2026-03-03T13:00:00Z') });
    expect((await other.caterer.caller.report.production({ date: DAY })).lines).toEqual([]);
    expect((await rejectionOf(client.caller.report.production({ date: DAY }))).code).toBe('FORBIDDEN');
    const bad = await rejectionOf(other.caterer.caller.report.production({ date: '2026-02-30' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad)).toEqual(['date']);
  });

  it('the PDF starts with %PDF and prints every client’s name with its Polish letters; the CSV has a row per client and a total', async () => {
    const { caterer, client, clock } = await kitchen();
    const pdf = await exportProduction(t.db, caterer.session, 'pdf', new URLSearchParams({ date: DAY }), clock.now);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
    const { text } = await pdfText(bytes);
    for (const name of ['Biuro Gdańsk', 'Zakład Łódź', 'Kraków Software', 'Żurek z jajkiem', 'Paweł Wąsik']) expect(text).toContain(name);

    const csv = await (await exportProduction(t.db, caterer.session, 'csv', new URLSearchParams({ date: DAY }), clock.now)).text();
    const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows).toHaveLength(5);
    expect(rows[2]).toContain('Zakład Łódź');
    expect(rows[2]).toContain('Żurek z jajkiem (contains gluten, eggs, celery) | Pierogi ruskie (vegetarian; contains gluten, milk)');
    expect(rows[4]).toMatch(/^2026-03-04,Total,.*,91,71,14,0,6,/);

    expect((await exportProduction(t.db, null, 'pdf', new URLSearchParams({ date: DAY }), clock.now)).status).toBe(401);
    expect((await exportProduction(t.db, client.session, 'csv', new URLSearchParams({ date: DAY }), clock.now)).status).toBe(403);
    expect((await exportProduction(t.db, caterer.session, 'pdf', new URLSearchParams({ date: 'soon' }), clock.now)).status).toBe(400);
  });
});

describe('serviceDay.confirmServedBatch', () => {
  async function pastDay() {
    const k = await kitchen();
    k.clock.now = new Date('2026-03-04T18:00:00Z');
    const report = await k.caterer.caller.report.production({ date: DAY });
    return { ...k, ids: report.lines.map((l) => l.serviceDayId) };
  }

  async function served(ids: string[]) {
    return queryRows<{ id: string; status: string; served_quantity: number | null }>(
      t.db,
      sql`select id, status, served_quantity from service_days where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) order by id`,
    );
  }

  it('saves a date’s counts for all clients at once; a PENDING day past its deadline is locked first; each client is told', async () => {
    const { catererManager, ids } = await pastDay();
    const [gdanskDay, lodzDay, krakowDay] = ids as [string, string, string];
    const days = await catererManager.caller.serviceDay.confirmServedBatch({
      items: [
        { id: gdanskDay, quantity: 29 },
        { id: lodzDay, quantity: 36 },
        { id: krakowDay, quantity: 24 },
      ],
    });
    expect(days.map((d) => [d.clientName, d.status, d.servedQuantity])).toEqual([
      ['Biuro Gdańsk', 'SERVED_CONFIRMED', 29],
      ['Zakład Łódź', 'SERVED_CONFIRMED', 36],
      ['Kraków Software', 'SERVED_CONFIRMED', 24],
    ]);
    const events = await queryRows<{ event_type: string }>(
      t.db,
      sql`select event_type from outbox_events where aggregate_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) order by event_type`,
    );
    expect(events.filter((e) => e.event_type === 'service_day.served_confirmed')).toHaveLength(3);
    expect(events.filter((e) => e.event_type === 'service_day.expected_auto_locked')).toHaveLength(2);
  });

  it('all or nothing: one outlier without confirmOutlier refuses the batch at its item and writes nothing; with it, all are saved', async () => {
    const { caterer, ids } = await pastDay();
    const before = await snapshot(t.db);
    const refused = await rejectionOf(
      caterer.caller.serviceDay.confirmServedBatch({
        items: [
          { id: ids[0]!, quantity: 30 },
          { id: ids[1]!, quantity: 400 },
          { id: ids[2]!, quantity: 25 },
        ],
      }),
    );
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(fieldsOf(refused)).toEqual(['items.1.quantity']);
    expect(refused.message).toContain(DAY);
    expect(await snapshot(t.db)).toEqual(before);
    await caterer.caller.serviceDay.confirmServedBatch({
      items: [
        { id: ids[0]!, quantity: 30 },
        { id: ids[1]!, quantity: 400, confirmOutlier: true },
        { id: ids[2]!, quantity: 25 },
      ],
    });
    expect((await served(ids)).map((r) => r.served_quantity).sort((a, b) => a! - b!)).toEqual([25, 30, 400]);
  });

  it('another tenant’s day is NOT_FOUND, a day already served is refused, roles and bad input are refused — each changing nothing', async () => {
    const { caterer, catererEmployee, client, ids } = await pastDay();
    const other = await catererAndClient(t.db, { now: new Date('2026-03-04T18:00:00Z') });
    const before = await snapshot(t.db);
    const foreign = await rejectionOf(other.caterer.caller.serviceDay.confirmServedBatch({ items: [{ id: ids[0]!, quantity: 30 }] }));
    expect(foreign.code).toBe('NOT_FOUND');
    const mixed = await rejectionOf(
      caterer.caller.serviceDay.confirmServedBatch({ items: [{ id: ids[0]!, quantity: 30 }, { id: '00000000-0000-4000-8000-000000000000', quantity: 5 }] }),
    );
    expect(mixed.code).toBe('NOT_FOUND');
    expect((await rejectionOf(client.caller.serviceDay.confirmServedBatch({ items: [{ id: ids[0]!, quantity: 30 }] }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(catererEmployee.caller.serviceDay.confirmServedBatch({ items: [{ id: ids[0]!, quantity: 30 }] }))).code).toBe('FORBIDDEN');
    const cases: [unknown, string][] = [
      [{ items: [] }, 'items'],
      [{ items: [{ id: ids[0], quantity: 30 }, { id: ids[0], quantity: 31 }] }, 'items'],
      [{ items: [{ id: ids[0], quantity: -1 }] }, 'items.0.quantity'],
      [{ items: [{ id: 'nope', quantity: 1 }] }, 'items.0.id'],
    ];
    for (const [input, field] of cases) {
      const error = await rejectionOf(caterer.caller.serviceDay.confirmServedBatch(input as never));
      expect(error.code, field).toBe('BAD_REQUEST');
      expect(fieldsOf(error), field).toContain(field);
    }
    expect(await snapshot(t.db)).toEqual(before);

    // Once served, the same day in a batch is refused at its item (the single rule), nothing else saved.
    await caterer.caller.serviceDay.confirmServed({ id: ids[1]!, quantity: 36 });
    const again = await rejectionOf(
      caterer.caller.serviceDay.confirmServedBatch({ items: [{ id: ids[0]!, quantity: 30 }, { id: ids[1]!, quantity: 35 }] }),
    );
    expect(['CONFLICT', 'PRECONDITION_FAILED']).toContain(again.code);
    expect(again.message).toContain(DAY);
    expect((await served([ids[0]!]))[0]!.served_quantity).toBeNull();
  });

  it('a future day cannot be served yet (the single rule), named in the batch', async () => {
    const { caterer, lodzContract, client } = await kitchen();
    const [thursday] = await client.caller.serviceDay.list({ contractId: lodzContract.id, from: '2026-03-05', to: '2026-03-05' });
    const error = await rejectionOf(caterer.caller.serviceDay.confirmServedBatch({ items: [{ id: thursday!.id, quantity: 20 }] }));
    expect(['CONFLICT', 'PRECONDITION_FAILED']).toContain(error.code);
  });
});
