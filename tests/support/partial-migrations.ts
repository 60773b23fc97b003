import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { MIGRATIONS_FOLDER } from '@/db/migrations';
import { databaseUrl } from '@/db/scratch-database';
import type { DbOrTx } from '@/db/types';
import { testDatabaseUrl } from './pg-urls';

// A database migrated step by step, for tests of a migration that backfills existing rows:
// migrate up to just before it, write rows the old way, then migrate the rest.

export type Engine = { db: DbOrTx; migrate: (folder: string) => Promise<void>; close: () => Promise<void> };

export async function emptyDatabase(): Promise<Engine> {
  const server = testDatabaseUrl();
  if (!server) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = await PGlite.create();
    const db = drizzle(client) as unknown as DbOrTx;
    return { db, migrate: (folder) => migrate(drizzle(client), { migrationsFolder: folder }), close: () => client.close() };
  }
  const postgres = (await import('postgres')).default;
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const name = `chefops_backfill_${randomUUID().replaceAll('-', '')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const client = postgres(databaseUrl(server, name), { max: 2, onnotice: () => {} });
  return {
    db: drizzle(client) as unknown as DbOrTx,
    migrate: (folder) => migrate(drizzle(client), { migrationsFolder: folder }),
    close: async () => {
      await client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A copy of drizzle/ that ends with the given migration. */
export function migrationsUpTo(tag: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chefops-migrations-'));
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  expect(last).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}


/**
 * A database migrated up to `tag`, with the rows `writeOldRows` writes the old way, then
 * migrated to the end: what a migration's backfill does to existing data.
 */
export async function migratedAcross(tag: string, writeOldRows: (db: DbOrTx) => Promise<void>): Promise<Engine> {
  const engine = await emptyDatabase();
  const folder = migrationsUpTo(tag);
  try {
    await engine.migrate(folder);
    await writeOldRows(engine.db);
    await engine.migrate(MIGRATIONS_FOLDER);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return engine;
}
