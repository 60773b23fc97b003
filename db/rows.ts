import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './types';

/**
 * Runs raw SQL and returns its rows. PGlite answers `{ rows }`, postgres.js an array;
 * this hides the difference for the few set-based statements written by hand.
 */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
