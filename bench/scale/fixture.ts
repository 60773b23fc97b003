import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postgres, { type Sql } from 'postgres';
import { databaseUrl } from '@/db/scratch-database';
import { MIGRATIONS_FOLDER, migratePostgres } from '@/db/migrations';
import { hashPassword } from '@/server/auth/password-hash';
import { parseOutboxEvent } from '@/server/outbox/events';
import { insertContracts, insertProcessedEvents, insertServiceDays, insertTenants, monthChunks } from './fixture-sql';
import { BENCH_PASSWORD, volumesAt } from './volumes';

/** The fixture's own code: any change to it (or to the migrations) means a new fixture. */
const FIXTURE_SOURCES = ['fixture.ts', 'fixture-sql.ts', 'volumes.ts'].map((f) => path.join(process.cwd(), 'bench', 'scale', f));
/** Tables loaded in bulk: their secondary indexes are built after the load (as a restore does). */
const BULK_TABLES = ['service_days', 'outbox_events', 'processed_events'];

export const fixtureName = (scale: number) => `chefops_bench${scale}x`;

/** A hash of the fixture's code and every committed migration: a new migration means a new fixture. */
export function fixtureVersion(scale: number): string {
  const hash = createHash('sha256').update(`scale ${scale}\n`);
  for (const f of FIXTURE_SOURCES) hash.update(readFileSync(f));
  const files = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).sort();
  for (const f of files) hash.update(f).update(readFileSync(path.join(MIGRATIONS_FOLDER, f)));
  hash.update(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json')));
  return `chefops-bench-fixture ${hash.digest('hex').slice(0, 16)}`;
}

async function storedVersion(admin: Sql, name: string): Promise<string | null> {
  const [row] = await admin<{ version: string | null }[]>`
    select shobj_description(oid, 'pg_database') as version from pg_database where datname = ${name}`;
  return row ? (row.version ?? '') : null;
}

export async function dropFixture(serverUrl: string, scale: number): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${fixtureName(scale)} with (force)`);
  } finally {
    await admin.end();
  }
}

export type FixtureInfo = { name: string; version: string; built: boolean; buildSeconds: number | null; steps: Record<string, number> };

/**
 * The scaled fixture database on the BENCH_DATABASE_URL server: reused when its version matches
 * (fixture code and migrations), else built anew. Runs never write to it; they work on a clone.
 */
export async function ensureFixture(serverUrl: string, scale: number, opts: { rebuild: boolean; log: (line: string) => void }): Promise<FixtureInfo> {
  const name = fixtureName(scale);
  const version = fixtureVersion(scale);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const current = await storedVersion(admin, name);
    if (current === version && !opts.rebuild) return { name, version, built: false, buildSeconds: null, steps: {} };
    opts.log(current === null ? `building fixture ${name}` : `rebuilding fixture ${name} (${current || 'incomplete'} → ${version})`);
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    const started = performance.now();
    const steps = await buildFixture(databaseUrl(serverUrl, name), scale, opts.log);
    // Written last: an interrupted build has no version and is rebuilt next time.
    await admin.unsafe(`comment on database ${name} is '${version}'`);
    return { name, version, built: true, buildSeconds: Math.round((performance.now() - started) / 100) / 10, steps };
  } finally {
    await admin.end();
  }
}

async function buildFixture(url: string, scale: number, log: (line: string) => void): Promise<Record<string, number>> {
  const volumes = volumesAt(scale);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const steps: Record<string, number> = {};
  const step = async (label: string, body: () => Promise<unknown>) => {
    const started = performance.now();
    await body();
    steps[label] = Math.round(performance.now() - started) / 1000;
    log(`  ${label}: ${steps[label]} s`);
  };
  try {
    await step('migrations', () => migratePostgres(sql));
    // Bulk-load settings for this session only: no foreign-key trigger per row (the data is
    // consistent by construction), big sorts in memory, no JIT compilation (seconds per statement here), no wait for the WAL flush per statement.
    await sql.unsafe(`set session_replication_role = replica; set work_mem = '256MB';
      set maintenance_work_mem = '1GB'; set synchronous_commit = off; set jit = off`);
    const indexes = await sql<{ indexname: string; indexdef: string }[]>`
      select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = 'public' and i.tablename in ${sql(BULK_TABLES)}
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
    for (const i of indexes) await sql.unsafe(`drop index ${i.indexname}`);
    const [hasDeadline] = await sql`
      select 1 from information_schema.columns where table_name = 'service_days' and column_name = 'confirmation_deadline'`;
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    await step('companies, users, sessions', () => insertTenants(sql, volumes, passwordHash));
    await step('contracts', () => insertContracts(sql, volumes));
    for (const month of monthChunks()) {
      await step(`service days ${month.from.slice(0, 7)}`, () => insertServiceDays(sql, month.from, month.to, Boolean(hasDeadline)));
    }
    await step('processed outbox events + ledger', () => insertProcessedEvents(sql, volumes.processedEvents));
    // One event of each type through the app's payload schemas: the fixture writes what the app writes.
    const samples = await sql<{ event_type: string; payload: unknown }[]>`
      select distinct on (event_type) event_type, payload from outbox_events order by event_type, created_at`;
    for (const e of samples) parseOutboxEvent(e.event_type, e.payload);
    await step('secondary indexes', async () => {
      for (const i of indexes) await sql.unsafe(i.indexdef);
    });
    await sql.unsafe(`reset session_replication_role`);
    // As autovacuum would have done over the year: visibility map set, statistics current.
    await step('vacuum analyze', () => sql.unsafe(`vacuum analyze`));
  } finally {
    await sql.end();
  }
  return steps;
}
