import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { contracts, serviceDays } from '@/db/schema';
import { registerCompany, type Clock } from '../support/callers';
import { agreeContract, proposeContract } from '../support/contracts';
import { createTestDb, onPostgres, type TestDb } from '../support/test-db';

// Real parallel transactions need PostgreSQL (PGlite has a single connection).
describe.skipIf(!onPostgres)('capacity and uniqueness under concurrent requests', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t?.close());

  it('20 clients confirming in parallel never push one caterer over capacity; the losers get CONFLICT', async () => {
    const clock: Clock = { now: new Date('2026-03-02T08:00:00Z') };
    const capacity = 200;
    const caterer = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: capacity }, clock);
    const clients = [];
    for (let i = 0; i < 20; i++) {
      const client = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
      // Defaults 5 × 20 = 100 planned; each client may raise to 20 (+15).
      await agreeContract(caterer, client, { minDailyQuantity: 1, defaultQuantity: 5, maxQuantity: 20 });
      const [day] = await client.caller.serviceDay.list({ from: '2026-03-10', to: '2026-03-10' });
      clients.push({ caller: client.caller, dayId: day!.id });
    }

    const results = await Promise.allSettled(
      clients.map(({ caller, dayId }) => caller.serviceDay.confirmExpected({ id: dayId, quantity: 20 })),
    );
    const won = results.filter((r) => r.status === 'fulfilled').length;
    const lost = results.filter((r) => r.status === 'rejected');
    // 100 + 15k ≤ 200 → exactly 6 winners.
    expect(won).toBe(6);
    for (const r of lost) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });

    const [row] = await t.db
      .select({ total: sql<number>`sum(${serviceDays.expectedQuantity})::int` })
      .from(serviceDays)
      .innerJoin(contracts, eq(contracts.id, serviceDays.contractId))
      .where(and(eq(contracts.cateringId, caterer.session.companyId), eq(serviceDays.serviceDate, '2026-03-10')));
    expect(Number(row!.total)).toBe(190);
    expect(Number(row!.total)).toBeLessThanOrEqual(capacity);
  });

  it('batches naming the same days in opposite orders, in parallel, all go through: locks are taken in one order, never deadlocking', async () => {
    const clock: Clock = { now: new Date('2026-03-02T08:00:00Z') };
    const caterer = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: 1000 }, clock);
    const client = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
    await agreeContract(caterer, client, { minDailyQuantity: 1, defaultQuantity: 5, maxQuantity: 40 });
    const days = await client.caller.serviceDay.list({ from: '2026-03-10', to: '2026-03-11' });
    const [a, b] = days.map((d) => d.id) as [string, string];

    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => {
        const items = [{ id: a, quantity: 10 + i }, { id: b, quantity: 10 + i }];
        return client.caller.serviceDay.confirmExpectedBatch({ items: i % 2 ? items.reverse() : items });
      }),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([]);
    const rows = await t.db.select({ quantity: serviceDays.expectedQuantity }).from(serviceDays).where(sql`${serviceDays.id} in (${a}, ${b})`);
    // Each batch is all or nothing, so both days hold the last batch's quantity.
    expect(new Set(rows.map((r) => r.quantity)).size).toBe(1);
  });

  it('10 proposals for one pair accepted in parallel leave exactly one ACTIVE contract; the rest CONFLICT', async () => {
    const clock: Clock = { now: new Date('2026-03-02T08:00:00Z') };
    const caterer = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: 1000 }, clock);
    const client = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
    const proposals = [];
    for (let i = 0; i < 10; i++) proposals.push(await proposeContract(caterer, client));
    const results = await Promise.allSettled(proposals.map((p) => client.caller.contract.accept({ id: p.id })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: 'CONFLICT',
        message: 'An active contract between these companies already exists.',
      });
    }
    const rows = await t.db
      .select({ id: contracts.id, status: contracts.status })
      .from(contracts)
      .where(eq(contracts.clientId, client.session.companyId));
    expect(rows.map((r) => r.status).sort()).toEqual(['ACTIVE', ...Array(9).fill('PROPOSED')]);
    // Only the accepted contract has service days.
    const days = await t.db
      .select({ contractId: serviceDays.contractId })
      .from(serviceDays)
      .innerJoin(contracts, eq(contracts.id, serviceDays.contractId))
      .where(eq(contracts.clientId, client.session.companyId));
    const active = rows.find((r) => r.status === 'ACTIVE')!.id;
    expect(days.length).toBeGreaterThan(0);
    expect(new Set(days.map((d) => d.contractId))).toEqual(new Set([active]));
  });

  it('proposals of six clients that fit only one at a time, accepted in parallel: exactly one ACTIVE, the other over capacity', async () => {
    const clock: Clock = { now: new Date('2026-03-02T08:00:00Z') };
    // Each proposal plans 60 a day; the caterer cooks 100: both fit alone, never together.
    const caterer = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: 100 }, clock);
    const clients = [];
    for (let i = 0; i < 6; i++) clients.push(await registerCompany(t.db, { companyType: 'CLIENT' }, clock));
    const proposals = [];
    for (const client of clients) {
      proposals.push({ client, proposal: await proposeContract(caterer, client, { minDailyQuantity: 10, defaultQuantity: 60, maxQuantity: 80 }) });
    }
    const results = await Promise.allSettled(proposals.map(({ client, proposal }) => client.caller.contract.accept({ id: proposal.id })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
      expect(String((r as PromiseRejectedResult).reason.message)).toMatch(/capacity/i);
    }
    const rows = await t.db
      .select({ status: contracts.status })
      .from(contracts)
      .where(and(eq(contracts.cateringId, caterer.session.companyId), eq(contracts.status, 'ACTIVE')));
    expect(rows).toHaveLength(1);
  });
});
