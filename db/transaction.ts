import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx, Transaction } from './types';

/**
 * Runs `body` in the caller's transaction when there is one (a tRPC mutation answers inside its
 * own), else in a new one. Nesting would add a SAVEPOINT and its RELEASE, two round trips, to a
 * hot write; it is only worth them for a caller that catches a failure and carries on in the
 * same transaction, and none of these callers does: a failure fails the whole request.
 */
export function inTransaction<T>(db: DbOrTx, body: (tx: Transaction) => Promise<T>): Promise<T> {
  return db instanceof PgTransaction ? body(db as Transaction) : db.transaction(body);
}
