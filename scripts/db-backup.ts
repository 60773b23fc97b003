// `npm run db:backup [file]`: PostgreSQL via pg_dump (DATABASE_URL), else the embedded database.
// Stop `npm run dev` first in embedded mode: only one process may open the data directory.
import path from 'node:path';
import { backupEmbedded, backupPostgres } from '@/db/backup';
import { env } from '@/server/env';

const stamp = new Date().toISOString().replaceAll(':', '-').slice(0, 19);
const file = process.argv[2] ?? path.join('backups', `chefops-${stamp}.${env.DATABASE_URL ? 'sql' : 'tar.gz'}`);

if (env.DATABASE_URL) {
  backupPostgres(env.DATABASE_URL, file);
} else {

  const { PGlite } = await import('@electric-sql/pglite');
  const { lockDataDir } = await import('@/db/embedded-lock');
  const dataDir = path.resolve(env.CHEFOPS_DATA_DIR);
  const release = lockDataDir(dataDir);
  const client = await PGlite.create(dataDir);
  await backupEmbedded(client, file);
  await client.close();
  release();
}
console.log(`Backup written to ${file}`);
