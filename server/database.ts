import path from 'node:path';
import * as schema from '@/db/schema';
import { lockDataDir } from '@/db/embedded-lock';
import { migratePglite } from '@/db/migrations';
import type { Database } from '@/db/types';
import { env } from './env';
import { logger } from './logger';

type Holder = { ready?: Promise<{ db: Database; close: () => Promise<void> }> };
// One instance per process: survives `next dev` module reloads, which re-evaluate this file.
const holder = globalThis as typeof globalThis & { __chefopsDb?: Holder };
const state = (holder.__chefopsDb ??= {});

async function openEmbedded() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = path.resolve(env.CHEFOPS_DATA_DIR);
  const release = lockDataDir(dataDir);
  const client = await PGlite.create(dataDir);
  await migratePglite(client);
  logger.info('database.open', { mode: 'embedded', dataDir });
  const db = drizzle(client, { schema, logger: logger.drizzle }) as unknown as Database;
  return {
    db,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * How the pool gets through a PostgreSQL restart or failover by itself: broken connections are
 * dropped and reopened (postgres.js, with the fixes in patches/), a reconnect that cannot reach
 * the server gives up after a few seconds instead of 30, the wait between reconnect attempts
 * stays short (the default grows to 20 s), and no connection lives long enough to outlast a
 * moved server. Requests fail only while the server is really away.
 */
const POOL_RECOVERY = {
  connect_timeout: 5,
  idle_timeout: 60,
  max_lifetime: 30 * 60,
  backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
};

async function openPostgres(url: string) {
  const postgres = (await import('postgres')).default;
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, { max: env.DATABASE_POOL_MAX, onnotice: () => {}, ...POOL_RECOVERY });
  logger.info('database.open', { mode: 'postgres', poolMax: env.DATABASE_POOL_MAX });
  const db = drizzle(client, { schema, logger: logger.drizzle }) as unknown as Database;
  // Waits a few seconds for running queries, then closes whatever is left (never hangs).
  return { db, close: () => client.end({ timeout: 5 }) };
}

/** The process-wide database, opened (and for PGlite, migrated) on first use. */
export function getDb(): Promise<Database> {
  state.ready ??= (env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openEmbedded()).catch((error) => {
    state.ready = undefined;
    throw error;
  });
  return state.ready.then((s) => s.db);
}

export async function closeDb(): Promise<void> {
  const current = state.ready;
  state.ready = undefined;
  if (current) await (await current).close();
}
