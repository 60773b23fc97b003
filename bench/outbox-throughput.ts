// `npm run bench:outbox` (PostgreSQL, BENCH_DATABASE_URL): the outbox's throughput side by side
// in one run on one scratch database — the in-app handler alone, graphile-worker doing the
// equivalent one-row job, the default handlers (in-app + e-mail deliveries recorded), and the
// e-mail sender to a local SMTP sink answering after 50 ms while the drain runs. See bench/README.md.
process.env.LOG_LEVEL ||= 'error';

import os from 'node:os';
import { sql } from 'drizzle-orm';
import { openScratchPostgres } from '@/db/scratch-database';
import type { Database } from '@/db/types';
import { queryRows } from '@/db/rows';
import type { OutboxHandler } from '@/server/outbox/handler';
import { measureEmailBesideDrain } from './scale/email-smtp';
import { graphileJobsPerSecond, measureSideBySide, timedDrain } from './scale/outbox-vs-graphile';
import { analyze, seedTenants } from './support/fixtures';
import { printTable, round } from './support/measure';

const EVENTS = 5000;
const SMTP_EVENTS = 2000;
/** Inside issue 16's SMTP range (2560–2569). */
const SMTP_PORT = 2561;
const CLIENTS = 50;

const load = () => round(os.loadavg()[0] ?? 0, 2);
const packageVersion = async (name: string) =>
  ((await import(`${name}/package.json`, { with: { type: 'json' } })) as { default: { version: string } }).default.version;

/** `n` due `contract.updated` events from each contract's caterer to its client, set-based. */
async function enqueue(db: Database, n: number) {
  await db.execute(sql`delete from outbox_events where status = 'PENDING'`);
  await db.execute(sql`
    with k as (select id, catering_id, client_id, row_number() over (order by id) - 1 as i from contracts)
    insert into outbox_events (aggregate_id, event_type, payload, next_retry_at, created_at)
    select k.id, 'contract.updated',
      jsonb_build_object('contractId', k.id, 'cateringId', k.catering_id, 'clientId', k.client_id, 'actorCompanyId', k.catering_id,
        'actorUserId', null, 'changed', jsonb_build_array('defaultQuantity'), 'lockedServiceDays', 0, 'replacedServiceDays', 20,
        'generatedServiceDays', 20),
      now() - interval '1 minute', now() - interval '1 minute' + g * interval '1 microsecond'
    from generate_series(0, ${n - 1}::int) g join k on k.i = g % (select count(*) from k)`);
}

async function drainRate(db: Database, handlers: OutboxHandler[], expect: { notifications: number; deliveries: number }) {
  await enqueue(db, EVENTS);
  return timedDrain(db, handlers, EVENTS, expect);
}

const server = process.env.BENCH_DATABASE_URL;
if (!server) throw new Error('Set BENCH_DATABASE_URL (PostgreSQL): graphile-worker runs on PostgreSQL only.');
const bench = await openScratchPostgres(server, { prefix: 'chefops_bench_outbox', poolMax: 10 });
const loadStart = load();
try {
  const db = bench.db;
  // 50 clients, each with its ADMIN as the one recipient: one notification and one e-mail per event.
  await seedTenants(db, { prefix: 'tp', caterers: 10, clients: CLIENTS, contracts: CLIENTS, dailyCapacity: 1000, serviceWeekdays: [1, 2, 3, 4, 5] });
  await analyze(db);
  const recipients = await queryRows<{ company_id: string; user_id: string; contract_id: string }>(
    db,
    sql`select u.company_id, u.id as user_id, k.id as contract_id from contracts k join users u on u.company_id = k.client_id and u.role = 'ADMIN'`,
  );
  console.log(`outbox throughput on PostgreSQL (scratch database), ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${loadStart}`);

  const rates = await measureSideBySide(EVENTS, (handlers, expect) => drainRate(db, handlers, expect), () => graphileJobsPerSecond(bench.url!, recipients, EVENTS));
  const email = await measureEmailBesideDrain(db, { port: SMTP_PORT, appUrl: 'http://127.0.0.1:3116', events: SMTP_EVENTS, enqueue: () => enqueue(db, SMTP_EVENTS) });
  const loadEnd = load();
  const inApp = rates.inAppEventsPerSecond;
  const graphile = rates.graphileJobsPerSecond;
  const all = rates.defaultHandlersEventsPerSecond;
  const figures = {
    ...rates,
    email,
    emailInAppOverDefault: round(email.inAppPerSecond / all, 2),
    graphileWorker: await packageVersion('graphile-worker'),
    load: { start: loadStart, end: loadEnd },
  };
  printTable('Outbox beside graphile-worker (one run, one database)', [
    ['in-app handler alone (one drainer)', `${inApp} events/s = ${figures.inAppOverGraphile}× graphile-worker (goal ≥ 2×)`],
    ['graphile-worker 0.17, one-row job', `${graphile} jobs/s (concurrentJobs 10, local queue 500, pool 12)`],
    ['default handlers (in-app + e-mail deliveries)', `${all} events/s = ${figures.defaultOverGraphile}× graphile-worker (goal ≥ 2×)`],
    [`e-mail to an SMTP sink (+${email.replyDelayMs} ms), pool ${email.poolSize}`, `${email.messagesPerSecond} messages/s (goal ≥ 100), ≤ ${email.maxOpenSmtpSessions} sessions`],
    ['the same pool alone (no database, no drain)', `${email.transportAlonePerSecond} messages/s: the sender's ceiling`],
    ['in-app drain at the same time', `${email.inAppPerSecond} events/s (${figures.emailInAppOverDefault}× the default handlers' rate alone)`],
    ['load average (1 min)', `${loadStart} → ${loadEnd}`],
  ]);
  console.log(JSON.stringify(figures));
} finally {
  await bench.close();
}
