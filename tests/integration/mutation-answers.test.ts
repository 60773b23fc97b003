import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companies } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { callerFor, registerCompany } from '../support/callers';
import { trpcCode } from '../support/sessions';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** The database (and every transaction opened on it) with reads of the company view failing, as a dropped connection would. */
function failingCompanyReads<T extends DbOrTx>(db: T): T {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'transaction') {
        return (run: (tx: DbOrTx) => Promise<unknown>, ...rest: unknown[]) =>
          (target.transaction as (...a: unknown[]) => Promise<unknown>)((tx: DbOrTx) => run(failingCompanyReads(tx)), ...rest);
      }
      if (key === 'query') {
        return new Proxy(target.query, {
          get(queries, table, r) {
            if (table !== 'companies') return Reflect.get(queries, table, r);
            // Fails only when run (awaited, or prepared and executed): a query that is built
            // but never run leaves no unhandled rejection behind.
            const fail = () => Promise.reject(new Error('connection lost while reading the answer'));
            const query = {
              then: (resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown) => fail().then(resolve, reject),
              prepare: () => ({ execute: fail }),
            };
            return { findFirst: () => query };
          },
        });
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

describe('a mutation and its answer', () => {
  it('commit together: when reading the answer fails, the change is not stored (no 500 for a stored change)', async () => {
    const { session, email } = await registerCompany(t.db, { companyType: 'CATERING', companyName: 'Before Kitchen' });
    const caller = callerFor(failingCompanyReads(t.db) as typeof t.db, session);
    expect(await trpcCode(caller.company.update({ name: 'After Kitchen', dailyCapacity: 77 }))).toBe('INTERNAL_SERVER_ERROR');
    const [row] = await t.db.select({ name: companies.name }).from(companies).where(eq(companies.email, email));
    expect(row!.name).toBe('Before Kitchen');
    const me = await callerFor(t.db, session).company.me();
    expect(me.dailyCapacity).toBe(500);
  });

  it('a refused mutation leaves nothing behind either, and a good one is stored with its answer', async () => {
    const { session } = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Office One' });
    const caller = callerFor(t.db, session);
    expect(await trpcCode(caller.company.update({ name: 'Office Two', dailyCapacity: 5 }))).toBe('BAD_REQUEST');
    expect((await caller.company.me()).name).toBe('Office One');
    expect((await caller.company.update({ name: 'Office Three' })).name).toBe('Office Three');
    expect((await caller.company.me()).name).toBe('Office Three');
  });
});
