import type { Database } from '@/db/types';
import { openMemoryPglite, openScratchPostgres, type ScratchDb } from '@/db/scratch-database';

export type BenchDb = ScratchDb;

/** BENCH_DATABASE_URL selects a PostgreSQL server (a scratch database is created on it). */
export function benchDatabaseUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || undefined;
}

/**
 * A freshly migrated database for one benchmark: in-memory PGlite, or a scratch database on the
 * BENCH_DATABASE_URL server that is dropped again on close (pool size as the app's default).
 */
export function openBenchDb(): Promise<BenchDb> {
  const server = benchDatabaseUrl();
  return server ? openScratchPostgres(server, { prefix: 'chefops_bench', poolMax: 10 }) : openMemoryPglite();
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
