export { databaseUrl } from '@/db/scratch-database';

/** TEST_DATABASE_URL selects PostgreSQL for the database tests; unset means PGlite. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}
