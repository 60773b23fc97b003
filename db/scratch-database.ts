import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import * as schema from './schema';
import type { Database } from './types';
import { migratePglite, migratePostgres } from './migrations';

/** A throw-away database for tests and benchmarks; `close` releases (and on PostgreSQL drops) it. */
export type ScratchDb = { db: Database; kind: 'pglite' | 'postgres'; url?: string; close: () => Promise<void> };

export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A migrated in-memory PGlite database. */
export async function openMemoryPglite(): Promise<ScratchDb> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = await PGlite.create();
  await migratePglite(client);
  return { db: drizzle(client, { schema }) as unknown as Database, kind: 'pglite', close: () => client.close() };
}

/**
 * A new database on the server at `serverUrl`: a clone of `template` when given (already
 * migrated), else created empty and migrated. Dropped again on close.
 */
export async function openScratchPostgres(
  serverUrl: string,
  { prefix, template, poolMax }: { prefix: string; template?: string; poolMax: number },
): Promise<ScratchDb> {
  const postgres = (await import('postgres')).default;
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const url = databaseUrl(serverUrl, name);
  let client: Sql | undefined;
  const close = async () => {
    await client?.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    if (template) await cloneTemplate(admin, name, template);
    else await admin.unsafe(`create database ${name}`);
    client = postgres(url, { max: poolMax, onnotice: () => {} });
    if (!template) await migratePostgres(client);
  } catch (error) {
    await close();
    throw error;
  }
  return { db: drizzle(client, { schema }) as unknown as Database, kind: 'postgres', url, close };
}

/** Clones a template; retries while a parallel clone still holds the template. */
async function cloneTemplate(admin: Sql, name: string, template: string) {
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
