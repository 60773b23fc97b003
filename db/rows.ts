import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
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

/** Element types that `sqlArray` may cast to (a fixed list: the name is written into the SQL). */
export type SqlArrayType = 'uuid' | 'date' | 'time' | 'timestamptz' | 'int' | 'smallint' | 'text';

// Values of the non-text types never need quoting in an array literal; checked, not assumed.
const PLAIN_ELEMENT = /^[0-9A-Za-z:.+-]+$/;

/**
 * A whole column of values as ONE bound parameter (a PostgreSQL array literal, cast to
 * `type[]`), for set-based writes through `unnest(...)`: drizzle would expand a JS array into
 * one parameter per value, and PostgreSQL accepts at most 65,535 parameters per statement.
 */
export function sqlArray(values: readonly (string | number | Date)[], type: SqlArrayType): SQL {
  return sql`${arrayLiteral(values, type)}::${sql.raw(type)}[]`;
}

/** The PostgreSQL array literal of `values` (`{a,b}`). */
function arrayLiteral(values: readonly (string | number | Date)[], type: SqlArrayType): string {
  const texts = values.map((v) => (v instanceof Date ? v.toISOString() : String(v)));
  const plain = type !== 'text' && texts.every((t) => PLAIN_ELEMENT.test(t));
  return `{${plain ? texts.join(',') : texts.map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * A filter on ids as a placeholder, so the query can be prepared once per shape: one id is
 * `column = $ids` (shape "one"), more are `column = any($ids::uuid[])` (shape "many", the ids as
 * one array literal). One id gets its own shape because PostgreSQL keeps re-planning a statement
 * whose generic plan looks dearer than its custom ones, and for `= any(array)` it assumes a
 * longer array than the single id a confirmation sends.
 */
export function idsPlaceholder(column: PgColumn, ids: readonly string[]): { shape: 'one' | 'many'; where: SQL; ids: string } {
  return ids.length === 1
    ? { shape: 'one', where: sql`${column} = ${sql.placeholder('ids')}::uuid`, ids: ids[0]! }
    : { shape: 'many', where: sql`${column} = any(${sql.placeholder('ids')}::uuid[])`, ids: arrayLiteral(ids, 'uuid') };
}
