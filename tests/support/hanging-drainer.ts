/**
 * Child process for the crash test: claims a batch, writes its effects inside the handler's
 * transaction, says so on stdout, then hangs until it is killed (SIGKILL) mid-batch.
 * Usage: npx tsx tests/support/hanging-drainer.ts <postgres-url> <leaseMs> <batchSize>
 */
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '@/db/schema';
import type { Database } from '@/db/types';
import { drainOutbox } from '@/server/outbox/drain';
import { effectRecorder } from './effect-recorder';

const [url, leaseMs, batchSize] = process.argv.slice(2);
const client = postgres(url!, { max: 1, onnotice: () => {} });
const db = drizzle(client, { schema }) as unknown as Database;

await drainOutbox(db, {
  leaseMs: Number(leaseMs),
  batchSize: Number(batchSize),
  handlers: [
    effectRecorder('doomed', async () => {
      process.stdout.write('HANDLING\n');
      await new Promise(() => {});
    }),
  ],
});
