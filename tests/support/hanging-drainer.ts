/**
 * Child process for the crash and hang tests: claims two batches (the drain's two in flight), writes their
 * effects inside the handlers' transactions, says so on stdout once per batch, then hangs until it
 * is killed (SIGKILL) mid-batch or its sessions are ended by PostgreSQL (idle in transaction).
 * Usage: npx tsx tests/support/hanging-drainer.ts <postgres-url> <leaseMs> <batchSize>
 */
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '@/db/schema';
import type { Database } from '@/db/types';
import { drainOutbox } from '@/server/outbox/drain';
import { effectRecorder } from './effect-recorder';

const [url, leaseMs, batchSize] = process.argv.slice(2);
// Two connections: one per batch transaction in flight.
const client = postgres(url!, { max: 2, onnotice: () => {} });
const db = drizzle(client, { schema }) as unknown as Database;

await drainOutbox(db, {
  leaseMs: Number(leaseMs),
  batchSize: Number(batchSize),
  concurrency: 2,
  handlers: [
    effectRecorder('doomed', async () => {
      process.stdout.write('HANDLING\n');
      await new Promise(() => {});
    }),
  ],
});
