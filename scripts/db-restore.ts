// `npm run db:restore <file>`: PostgreSQL via psql (DATABASE_URL), else into the embedded data
// directory, which must be empty or missing (move the old one aside first).
import path from 'node:path';
import { restoreEmbedded, restorePostgres } from '@/db/backup';
import { env } from '@/server/env';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run db:restore <backup file>');
  process.exit(2);
}
if (env.DATABASE_URL) restorePostgres(env.DATABASE_URL, file);
else await restoreEmbedded(file, path.resolve(env.CHEFOPS_DATA_DIR));
console.log(`Restored ${file}`);
