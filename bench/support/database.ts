import { randomUUID } from 'node:crypto';
import * as schema from '@/db/schema';
import type { Database } from '@/db/types';
import { migratePglite, migratePostgres } from '@/db/migrations';
import { databaseUrl } from '@/tests/support/pg-urls';

export type BenchDb = { db: Database; kind: 'pglite' | 'postgres'; close: () => Promise<void> };

/** BENCH_DATABASE_URL selects a PostgreSQL server (a scratch database is created on it). */
export function benchDatabaseUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || undefined;
}

/**
 * A freshly migrated database for one benchmark: in-memory PGlite, or a scratch database on the
 * BENCH_DATABASE_URL server that is dropped again on close.
 */
export async function openBenchDb(): Promise<BenchDb> {
  const base = benchDatabaseUrl();
  if (!base) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const client = await PGlite.create();
    await migratePglite(client);
    return { db: drizzle(client, { schema }) as unknown as Database, kind: 'pglite', close: () => client.close() };
  }
  const postgres = (await import('postgres')).default;
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const name = `chefops_bench_${randomUUID().replaceAll('-', '')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  // Same pool size as the application's default (DATABASE_POOL_MAX).
  const client = postgres(databaseUrl(base, name), { max: 10, onnotice: () => {} });
  try {
    await migratePostgres(client);
  } catch (error) {
    await client.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    throw error;
  }
  return {
    db: drizzle(client, { schema }) as unknown as Database,
    kind: 'postgres',
    close: async () => {
      await client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Opens a fresh database, runs `body` on it and always drops/closes it afterwards. */
export async function withBenchDb<T>(body: (db: Database, kind: BenchDb['kind']) => Promise<T>): Promise<T> {
  const bench = await openBenchDb();
  try {
    return await body(bench.db, bench.kind);
  } finally {
    await bench.close();
  }
}
