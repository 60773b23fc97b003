import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { companies } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { preparedQuery } from '@/db/prepared';
import type { DbOrTx } from '@/db/types';
import { registerCompany } from '../support/callers';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('hot queries', () => {
  it('are built once per database and answer each execution with its own values; inside a transaction they are built for it', async () => {
    const a = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Alpha Offices' });
    const b = await registerCompany(t.db, { companyType: 'CATERING', companyName: 'Beta Kitchen' });
    let builds = 0;
    const nameOf = (db: DbOrTx, id: string) =>
      preparedQuery(db, 'test_company_name', (handle) => {
        builds += 1;
        return handle.select({ name: companies.name }).from(companies).where(eq(companies.id, sql.placeholder('id'))).prepare('test_company_name');
      }).execute({ id });

    const [first] = await nameOf(t.db, a.session.companyId);
    const [second] = await nameOf(t.db, b.session.companyId);
    expect([first?.name, second?.name, builds]).toEqual(['Alpha Offices', 'Beta Kitchen', 1]);

    await t.db.transaction(async (tx) => {
      const [inside] = await nameOf(tx, b.session.companyId);
      expect(inside?.name).toBe('Beta Kitchen');
    });
    expect(builds).toBe(2);
  });

  it('a service joins the caller\'s transaction: its writes roll back with the caller\'s', async () => {
    const { session } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const rename = (db: DbOrTx) =>
      inTransaction(db, (tx) => tx.update(companies).set({ name: 'Renamed' }).where(eq(companies.id, session.companyId)));
    await expect(
      t.db.transaction(async (tx) => {
        await rename(tx);
        throw new Error('the caller fails after the service wrote');
      }),
    ).rejects.toThrow('the caller fails');
    const [row] = await t.db.select({ name: companies.name }).from(companies).where(eq(companies.id, session.companyId));
    expect(row?.name).not.toBe('Renamed');
    await rename(t.db);
    const [after] = await t.db.select({ name: companies.name }).from(companies).where(eq(companies.id, session.companyId));
    expect(after?.name).toBe('Renamed');
  });
});
