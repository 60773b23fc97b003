import { inject } from 'vitest';
import { openMemoryPglite, openScratchPostgres, type ScratchDb } from '@/db/scratch-database';
import { testDatabaseUrl } from './pg-urls';

export type TestDb = ScratchDb;

export const onPostgres = Boolean(testDatabaseUrl());

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a clone of
 * the run's migrated template on PostgreSQL when TEST_DATABASE_URL is set.
 */
export function createTestDb(): Promise<TestDb> {
  const server = testDatabaseUrl();
  if (!server) return openMemoryPglite();
  return openScratchPostgres(server, { prefix: 'chefops_test', template: inject('templateDb'), poolMax: 20 });
}
