import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Backups. PostgreSQL: a plain-SQL pg_dump that psql restores (portable, readable).
 * Embedded: PGlite's own data-directory dump (a gzipped tarball) that it loads back.
 */
export function backupPostgres(url: string, file: string): void {
  execFileSync('pg_dump', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--file', file, url], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export function restorePostgres(url: string, file: string): void {
  execFileSync('psql', ['--quiet', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '--file', file, url], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function backupEmbedded(client: PGlite, file: string): Promise<void> {
  const dump = await client.dumpDataDir('gzip');
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/** Restores into an empty or missing data directory; never overwrites a live database. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`"${dataDir}" is not empty. Move it aside (or choose CHEFOPS_DATA_DIR) before restoring.`);
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  await client.close();
}
