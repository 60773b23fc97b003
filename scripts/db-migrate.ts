// `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL (or the embedded database).
import postgres from 'postgres';
import { closeDb, getDb } from '@/server/database';
import { migratePostgres } from '@/db/migrations';
import { env } from '@/server/env';

if (env.DATABASE_URL) {
  const client = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await migratePostgres(client);
  await client.end();
} else {
  await getDb(); // the embedded database migrates itself when opened
  await closeDb();
}
console.log('Migrations applied.');
