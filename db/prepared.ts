import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx, Transaction } from './types';

const builtFor = new WeakMap<object, Map<string, unknown>>();
/** Per driver (its session class), the queries built for its transactions. */
const builtForTransactions = new WeakMap<object, Map<string, object>>();

/**
 * A hot query of a fixed shape, built by Drizzle once and then only executed with its
 * placeholders' values: building a query (above all a select with joins) costs more than
 * PostgreSQL takes to answer it. Outside a transaction it is built once per database handle.
 * A prepared query runs on the connection it holds (`client`), so inside a transaction it is
 * built once per driver and each use is a copy that holds that transaction's connection.
 */
export function preparedQuery<Q extends object>(db: DbOrTx, name: string, build: (db: DbOrTx) => Q): Q {
  if (db instanceof PgTransaction) return forTransaction(db as Transaction, name, build);
  let queries = builtFor.get(db);
  if (!queries) builtFor.set(db, (queries = new Map()));
  if (!queries.has(name)) queries.set(name, build(db));
  return queries.get(name) as Q;
}

function forTransaction<Q extends object>(tx: Transaction, name: string, build: (db: DbOrTx) => Q): Q {
  const session = (tx as unknown as { session: { client: unknown } }).session;
  let queries = builtForTransactions.get(session.constructor);
  if (!queries) builtForTransactions.set(session.constructor, (queries = new Map()));
  let template = queries.get(name);
  if (!template) {
    template = build(tx);
    if (!('client' in template)) throw new Error(`preparedQuery ${name}: build must return a prepared query (.prepare(name))`);
    queries.set(name, template);
  }
  return Object.assign(Object.create(Object.getPrototypeOf(template) as object) as Q, template, { client: session.client });
}
