/**
 * Child process for the crash test: sends e-mail deliveries through a pooled SMTP transport to a
 * server that never answers, so messages stay in flight until the process is killed (SIGKILL).
 * Usage: npx tsx tests/support/hanging-sender.ts <postgres-url> <smtp-url> <leaseMs> <batchSize> <concurrency>
 */
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '@/db/schema';
import type { Database } from '@/db/types';
import { sendEmailDeliveries } from '@/server/mail/sender';
import { smtpTransport } from '@/server/mail/transport';

const [url, smtpUrl, leaseMs, batchSize, concurrency] = process.argv.slice(2);
const client = postgres(url!, { max: 2, onnotice: () => {} });
const db = drizzle(client, { schema }) as unknown as Database;
const transport = smtpTransport(smtpUrl!, 'ChefOps <no-reply@chefops.test>', { maxConnections: Number(concurrency), socketTimeoutMs: 600_000 });

await sendEmailDeliveries(db, transport, { leaseMs: Number(leaseMs), batchSize: Number(batchSize), concurrency: Number(concurrency), timeBudgetMs: 600_000 });
