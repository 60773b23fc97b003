import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './types';

const builtFor = new WeakMap<object, Map<string, unknown>>();

/**
 * A hot query of a fixed shape, built by Drizzle once per database handle and then only
 * executed with its placeholders' values: building a query (above all a relational one) costs
 * more than PostgreSQL takes to answer it. Inside a transaction it is built for that
 * transaction each time (a prepared query belongs to the handle it was built on).
 */
export function preparedQuery<Q>(db: DbOrTx, name: string, build: (db: DbOrTx) => Q): Q {
  if (db instanceof PgTransaction) return build(db);
  let queries = builtFor.get(db);
  if (!queries) builtFor.set(db, (queries = new Map()));
  if (!queries.has(name)) queries.set(name, build(db));
  return queries.get(name) as Q;
}
