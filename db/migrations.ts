import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

/** Applies the committed SQL migrations (idempotent: drizzle records what ran). */
export async function migratePglite(client: PGlite): Promise<void> {
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
}

export async function migratePostgres(client: Sql): Promise<void> {
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
}
