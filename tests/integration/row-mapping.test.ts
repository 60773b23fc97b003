import { asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companies, contracts } from '@/db/schema';
import { catererAndClient, agreeContract } from '../support/contracts';
import { registerCompany } from '../support/callers';
import { createTestDb, type TestDb } from '../support/test-db';

// Drizzle's row mapping is patched (patches/drizzle-orm+*.patch: decoders worked out once per
// selection); these pin what it must still do on both drivers.
let t: TestDb;
let withContract: string;
let without: string;
let contractId: string;
beforeAll(async () => {
  t = await createTestDb();
  const parties = await catererAndClient(t.db, { now: new Date('2026-03-02T06:00:00Z') });
  contractId = (await agreeContract(parties.caterer, parties.client, { startDate: '2026-03-01' })).id;
  withContract = parties.client.session.companyId;
  without = (await registerCompany(t.db, { companyType: 'CLIENT' })).session.companyId;
});
afterAll(() => t.close());

const selection = () =>
  t.db
    .select({
      company: { id: companies.id, createdAt: companies.createdAt },
      contract: { id: contracts.id, status: contracts.status },
      contracts: sql<number>`(select count(*) from contracts k where k.client_id = ${companies.id})`.mapWith(Number),
    })
    .from(companies)
    .leftJoin(contracts, eq(contracts.clientId, companies.id))
    .where(inArray(companies.id, [withContract, without]))
    .orderBy(asc(sql`${contracts.id} is null`));

describe('row mapping', () => {
  it('nests the selection, decodes columns and SQL fields, and makes an unmatched left join null', async () => {
    const rows = await selection();
    expect(rows).toEqual([
      { company: { id: withContract, createdAt: expect.any(Date) }, contract: { id: contractId, status: 'ACTIVE' }, contracts: 1 },
      { company: { id: without, createdAt: expect.any(Date) }, contract: null, contracts: 0 },
    ]);
  });

  it('maps a prepared query the same on every execution', async () => {
    const prepared = selection().prepare('row_mapping_test');
    const first = await prepared.execute();
    const second = await prepared.execute();
    expect(second).toEqual(first);
    expect(first.map((r) => r.contract?.id ?? null)).toEqual([contractId, null]);
  });
});
