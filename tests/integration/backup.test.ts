import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from '@/db/backup';
import { migratePglite } from '@/db/migrations';
import { registerCompany } from '../support/callers';
import { createTestDb, onPostgres, type TestDb } from '../support/test-db';
import { databaseUrl, testDatabaseUrl } from '../support/pg-urls';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'chefops-backup-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(onPostgres)('embedded backup and restore', () => {
  it('round-trips the data directory', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const source = await PGlite.create(path.join(scratch, 'source'));
    await migratePglite(source);
    await source.exec(`insert into companies (email, name, company_type) values ('kept@example.test', 'Kept Co', 'CLIENT')`);
    const file = path.join(scratch, 'backup.tar.gz');
    await backupEmbedded(source, file);
    await source.close();

    const target = path.join(scratch, 'target');
    await restoreEmbedded(file, target);
    const restored = await PGlite.create(target);
    const rows = await restored.query<{ name: string }>(`select name from companies where email = 'kept@example.test'`);
    expect(rows.rows).toEqual([{ name: 'Kept Co' }]);
    await restored.close();

    await expect(restoreEmbedded(file, target)).rejects.toThrow(/is not empty/);
  });
});

describe.skipIf(!onPostgres)('PostgreSQL backup and restore', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it('round-trips through pg_dump and psql', async () => {
    await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Backed Up Ltd' });
    const file = path.join(scratch, 'backup.sql');
    backupPostgres(t.url!, file);

    const base = testDatabaseUrl()!;
    const name = `chefops_restore_${randomUUID().replaceAll('-', '')}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    try {
      restorePostgres(databaseUrl(base, name), file);
      const restored = postgres(databaseUrl(base, name), { max: 1, onnotice: () => {} });
      const rows = await restored`select c.name, u.role from companies c join users u on u.company_id = c.id`;
      await restored.end();
      expect(rows.map((r) => [r.name, r.role])).toEqual([['Backed Up Ltd', 'ADMIN']]);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
