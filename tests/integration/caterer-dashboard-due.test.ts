import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import type { CatererDashboard } from '@/lib/schemas/report';
import { callerFor, registerCompany, type Clock } from '../support/callers';
import { contractTerms, agreeContract } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

/**
 * The caterer dashboard's "awaiting served count" and "open disputes" read per contract; these
 * tests hold them to the plain join over all of the caterer's days (the definition), with more
 * days than are listed, ties on a date across clients, clients from UTC-5 to UTC+14, and
 * another caterer's unserved days and disputes that must stay out.
 */
let t: TestDb;
const clock: Clock = { now: new Date('2026-03-02T08:00:00Z') };
let caterer: Awaited<ReturnType<typeof registerCompany>>;

const ZONES = ['Pacific/Kiritimati', 'Asia/Tokyo', 'UTC', 'America/New_York'];

beforeAll(async () => {
  t = await createTestDb();
  caterer = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: 1000, timezone: 'UTC' }, clock);
  const rival = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: 1000, timezone: 'UTC' }, clock);
  const everyDay = contractTerms({ serviceDays: [1, 2, 3, 4, 5, 6, 7], startDate: '2026-03-01' });
  const clients = [];
  for (const [i, timezone] of ZONES.entries()) {
    const client = await registerCompany(t.db, { companyType: 'CLIENT', companyName: `Client ${i} ${timezone}`, timezone }, clock);
    const contract = await agreeContract(caterer, client, everyDay);
    clients.push({ client, contract });
  }
  // Another caterer's days for the same client, never served, one of them disputed.
  const rivalContract = await agreeContract(rival, clients[2]!.client, everyDay);

  const serveAndDispute = async (who: typeof caterer, contractId: string, client: typeof caterer, dates: string[]) => {
    const days = await who.caller.serviceDay.list({ contractId, from: '2026-03-01', to: '2026-03-31' });
    for (const date of dates) {
      const day = days.find((d) => d.serviceDate === date)!;
      await who.caller.serviceDay.confirmServed({ id: day.id, quantity: 18 });
      await client.caller.serviceDay.dispute({ id: day.id, reason: `Short on ${date}` });
    }
  };
  clock.now = new Date('2026-03-06T10:00:00Z');
  await serveAndDispute(caterer, clients[0]!.contract.id, clients[0]!.client, ['2026-03-04']);
  clock.now = new Date('2026-03-06T18:00:00Z');
  await serveAndDispute(caterer, clients[2]!.contract.id, clients[2]!.client, ['2026-03-05', '2026-03-03']);
  await serveAndDispute(rival, rivalContract.id, clients[2]!.client, ['2026-03-02']);
  // Served without a dispute: no longer awaiting, not disputed.
  const tokyoDays = await caterer.caller.serviceDay.list({ contractId: clients[1]!.contract.id, from: '2026-03-02', to: '2026-03-02' });
  await caterer.caller.serviceDay.confirmServed({ id: tokyoDays[0]!.id, quantity: 20 });
});
afterAll(() => t.close());

async function dashboardAt(iso: string): Promise<CatererDashboard> {
  const d = await callerFor(t.db, caterer.session, { now: new Date(iso) }).report.dashboard();
  if (d.companyType !== 'CATERING') throw new Error('expected a caterer dashboard');
  return d;
}

/** The definition: every day of the caterer's contracts delivered by `now` without a served count. */
async function awaitingByDefinition(now: string) {
  return queryRows<{ id: string; service_date: string; client_name: string }>(
    t.db,
    sql`
      select sd.id, to_char(sd.service_date, 'YYYY-MM-DD') as service_date, cl.name as client_name
      from contracts c
      join companies cl on cl.id = c.client_id
      join service_days sd on sd.contract_id = c.id
      where c.catering_id = ${caterer.session.companyId} and c.deleted_at is null
        and sd.status in ('PENDING', 'EXPECTED_CONFIRMED')
        and ((sd.service_date + c.delivery_time) at time zone cl.timezone) <= ${now}::timestamptz
      order by sd.service_date, cl.name, sd.id`,
  );
}

describe("caterer dashboard: days awaiting a served count", () => {
  it('counts all of them and lists the 10 oldest, by date then client, like the plain join over every day', async () => {
    const now = '2026-03-12T23:30:00Z';
    const expected = await awaitingByDefinition(now);
    expect(expected.length).toBeGreaterThan(30);
    const d = await dashboardAt(now);
    expect(d.awaitingServed.count).toBe(expected.length);
    expect(d.awaitingServed.oldest.map((day) => [day.id, day.serviceDate, day.clientName])).toEqual(
      expected.slice(0, 10).map((r) => [r.id, r.service_date, r.client_name]),
    );
    // Four clients share each of the first dates: the tie is broken by client name.
    expect(d.awaitingServed.oldest.slice(0, 3).map((day) => day.serviceDate)).toEqual(['2026-03-02', '2026-03-02', '2026-03-02']);
  });

  it("counts a day of a client at UTC+14 whose delivery has passed although it is tomorrow in UTC", async () => {
    // 23:30 UTC on Mar 12 is 13:30 on Mar 13 in Kiritimati (delivery 12:00); at 21:30 UTC it is 11:30.
    const before = await dashboardAt('2026-03-12T21:30:00Z');
    const after = await dashboardAt('2026-03-12T23:30:00Z');
    expect(after.awaitingServed.count - before.awaitingServed.count).toBe(1);
    const definition = await awaitingByDefinition('2026-03-12T23:30:00Z');
    expect(definition.filter((r) => r.service_date === '2026-03-13').map((r) => r.client_name)).toEqual([
      'Client 0 Pacific/Kiritimati',
    ]);
  });

  it('is empty, with a zero count, before the first delivery', async () => {
    const d = await dashboardAt('2026-03-01T00:00:00Z');
    expect(d.awaitingServed).toEqual({ count: 0, oldest: [] });
  });
});

describe('caterer dashboard: open disputes', () => {
  it("lists the caterer's open disputes, first disputed first (then by date), and none of another caterer's", async () => {
    const d = await dashboardAt('2026-03-12T23:30:00Z');
    expect(d.openDisputes.map((x) => [x.serviceDate, x.clientName, x.disputeReason, x.disputedAt?.toISOString()])).toEqual([
      ['2026-03-04', 'Client 0 Pacific/Kiritimati', 'Short on 2026-03-04', '2026-03-06T10:00:00.000Z'],
      ['2026-03-03', 'Client 2 UTC', 'Short on 2026-03-03', '2026-03-06T18:00:00.000Z'],
      ['2026-03-05', 'Client 2 UTC', 'Short on 2026-03-05', '2026-03-06T18:00:00.000Z'],
    ]);
  });
});
