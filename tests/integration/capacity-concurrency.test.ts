import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { contracts, serviceDays } from '@/db/schema';
import { registerCompany, type Clock } from '../support/callers';
import { contractTerms } from '../support/contracts';
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
      await caterer.caller.contract.create({
        clientEmail: client.email,
        ...contractTerms({ minDailyQuantity: 1, defaultQuantity: 5, maxQuantity: 20 }),
      });
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

  it('10 parallel contract.create for one pair leave exactly one ACTIVE contract; the rest CONFLICT', async () => {
    const clock: Clock = { now: new Date('2026-03-02T08:00:00Z') };
    const caterer = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: 1000 }, clock);
    const client = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => caterer.caller.contract.create({ clientEmail: client.email, ...contractTerms() })),
    );
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
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('ACTIVE');
  });
});
