import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` diffs db/schema against drizzle/ and writes the next SQL migration.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
});
