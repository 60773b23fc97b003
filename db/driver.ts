import { PgliteSession } from 'drizzle-orm/pglite';
import type { DbOrTx } from './types';

/**
 * Whether the handle is the embedded database (PGlite: one backend in this process) rather than
 * a PostgreSQL server, for the few session settings that only make sense with a server, e.g. a
 * timeout that ends an idle session (ending PGlite's only backend hangs the embedded database).
 */
export function isEmbedded(db: DbOrTx): boolean {
  return (db as unknown as { session: unknown }).session instanceof PgliteSession;
}
