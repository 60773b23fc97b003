import { randomUUID } from 'node:crypto';
import * as schema from '@/db/schema';
import type { Database } from '@/db/types';
import { migratePglite } from '@/db/migrations';
import { inject } from 'vitest';
import { databaseUrl, testDatabaseUrl } from './pg-urls';

export type TestDb = { db: Database; kind: 'pglite' | 'postgres'; url?: string; close: () => Promise<void> };

export const onPostgres = Boolean(testDatabaseUrl());

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a clone of
 * the migrated template on PostgreSQL when TEST_DATABASE_URL is set.
 */
export async function createTestDb(): Promise<TestDb> {
  const base = testDatabaseUrl();
  if (!base) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const client = await PGlite.create();
    await migratePglite(client);
    return { db: drizzle(client, { schema }) as unknown as Database, kind: 'pglite', close: () => client.close() };
  }
  const postgres = (await import('postgres')).default;
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const name = `chefops_test_${randomUUID().replaceAll('-', '')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await cloneTemplate(admin, name, inject('templateDb'));
  const url = databaseUrl(base, name);
  const client = postgres(url, { max: 20, onnotice: () => {} });
  return {
    db: drizzle(client, { schema }) as unknown as Database,
    kind: 'postgres',
    url,
    close: async () => {
      await client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Clones the run's template; retries while a parallel clone still holds the template. */
async function cloneTemplate(admin: import('postgres').Sql, name: string, template: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      const busy = String((error as Error).message).includes('being accessed by other users');
      if (!busy || attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}
