import postgres, { type Sql } from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '@/db/schema';
import type { Database } from '@/db/types';
import { databaseUrl } from '@/db/scratch-database';
import { StatementCapture } from './capture';

export type RunDatabase = {
  name: string;
  url: string;
  /** The app's handle (Drizzle over postgres.js, the app's default pool of 10), statements captured on demand. */
  db: Database;
  /** A raw client on the same database: EXPLAIN, setup, checks. */
  sql: Sql;
  capture: StatementCapture;
  close: () => Promise<void>;
};

const runPrefix = (fixture: string) => `${fixture}_run_`;

/** Drops clones left behind by an interrupted run (they are this benchmark's own). */
export async function dropLeftoverRuns(admin: Sql, fixture: string) {
  const rows = await admin<{ datname: string }[]>`
    select datname from pg_database where datname like ${`${runPrefix(fixture)}%`}`;
  for (const r of rows) await admin.unsafe(`drop database if exists ${r.datname} with (force)`);
}

/**
 * A clone of the fixture for one run (FILE_COPY: a file copy, not the whole database through
 * the WAL), so every run starts from the same data and the fixture itself is never written.
 */
export async function openRunDatabase(serverUrl: string, fixture: string): Promise<RunDatabase> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `${runPrefix(fixture)}${process.pid}`;
  await dropLeftoverRuns(admin, fixture);
  await admin.unsafe(`create database ${name} template ${fixture} strategy file_copy`);
  const url = databaseUrl(serverUrl, name);
  const capture = new StatementCapture();
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  // The captured parameters are what Drizzle sent: JSON and timestamps as text it built itself,
  // which postgres.js must pass through as Drizzle's client does (not encode a second time).
  for (const type of [114, 3802, 1082, 1083, 1114, 1182, 1184, 1185, 1115, 1231]) sql.options.serializers[type] = (value: unknown) => value;
  const db = drizzle(client, { schema, logger: capture }) as unknown as Database;
  let closed = false;
  return {
    name,
    url,
    db,
    sql,
    capture,
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.allSettled([client.end({ timeout: 5 }), sql.end({ timeout: 5 })]);
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
