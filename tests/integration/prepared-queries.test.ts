import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { companies } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { preparedQuery } from '@/db/prepared';
import type { DbOrTx } from '@/db/types';
import { registerCompany } from '../support/callers';
import { createTestDb, onPostgres, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('hot queries', () => {
  it('are built once per database and answer each execution with its own values; inside transactions they are built once and run on each one\'s connection', async () => {
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

    // Built once for all transactions; each use runs on its own transaction's connection, so it
    // sees that transaction's uncommitted write and nothing of another's.
    for (const renamed of ['Beta Kitchen (draft 1)', 'Beta Kitchen (draft 2)']) {
      await t.db
        .transaction(async (tx) => {
          await tx.update(companies).set({ name: renamed }).where(eq(companies.id, b.session.companyId));
          const [inside] = await nameOf(tx, b.session.companyId);
          expect(inside?.name).toBe(renamed);
          throw new Error('roll back');
        })
        .catch((error: Error) => expect(error.message).toBe('roll back'));
    }
    expect(builds).toBe(2);
    const [afterRollback] = await nameOf(t.db, b.session.companyId);
    expect(afterRollback?.name).toBe('Beta Kitchen');
  });

  it.runIf(onPostgres)('in two open transactions at once, each use runs on its own transaction\'s connection', async () => {
    const { session } = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Gamma Offices' });
    const nameOf = (tx: DbOrTx) =>
      preparedQuery(tx, 'test_company_name_concurrent', (handle) =>
        handle.select({ name: companies.name }).from(companies).where(eq(companies.id, sql.placeholder('id'))).prepare('test_company_name_concurrent'),
      ).execute({ id: session.companyId });
    let releaseFirst!: () => void;
    const firstMayEnd = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstBuilt!: () => void;
    const firstHasBuilt = new Promise<void>((resolve) => (firstBuilt = resolve));
    const first = t.db.transaction(async (tx) => {
      const [seen] = await nameOf(tx);
      firstBuilt();
      await firstMayEnd;
      return seen?.name;
    });
    await firstHasBuilt;
    // The first transaction is still open on its connection; the second writes and reads on another.
    const second = await t.db
      .transaction(async (tx) => {
        await tx.update(companies).set({ name: 'Gamma (uncommitted)' }).where(eq(companies.id, session.companyId));
        const [seen] = await nameOf(tx);
        throw new Error(`saw ${seen?.name}`);
      })
      .catch((error: Error) => error.message);
    releaseFirst();
    expect([await first, second]).toEqual(['Gamma Offices', 'saw Gamma (uncommitted)']);
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
