import postgres from 'postgres';
import { Logger, makeWorkerUtils, run as runWorker, runMigrations, type Task } from 'graphile-worker';
import { drainOutbox } from '@/server/outbox/drain';
import type { OutboxHandler } from '@/server/outbox/handler';
import { defaultHandlers } from '@/server/outbox/handlers';
import { notificationsHandler } from '@/server/outbox/handlers/notifications';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import type { Database } from '@/db/types';
import { round, timed } from '../support/measure';
import { assertPendingPayloadsValid, contractUpdatedPayloadSql } from './caller-paths';
import type { RunDatabase } from './run-database';

/** Events (and jobs) per measured drain. */
export const DRAIN_EVENTS = 5000;
/** Clients whose only recipient is their ADMIN (their MANAGER is made an EMPLOYEE): 1 row per event. */
const RECIPIENT_CLIENTS = 50;
/** The last 50 clients (`c` is a bench.company row), whose contracts no other benchmark touches. */
const recipientClient = `c.side = 'client' and c.n >= (select max(n) from bench.company where side = 'client') - ${RECIPIENT_CLIENTS - 1}`;
/** graphile-worker tuned as its performance guide suggests for many small jobs. */
const GRAPHILE = { concurrentJobs: 10, maxPoolSize: 12, localQueueSize: 500 };

export type ThroughputFigures = {
  events: number;
  /** ChefOps drainOutbox, one drainer, in-app notifications handler only. */
  inAppEventsPerSecond: number;
  /** The same with the default handlers (in-app + e-mail deliveries recorded, batch-at-a-time). */
  defaultHandlersEventsPerSecond: number;
  /** graphile-worker 0.17 with its local queue, a job inserting one notification row. */
  graphileJobsPerSecond: number;
  inAppOverGraphile: number;
  defaultOverGraphile: number;
  graphile: typeof GRAPHILE & { version: string };
};

const silent = new Logger(() => () => {});

/** The recipients: 50 clients with one ADMIN each (MANAGERs demoted in this run's clone). */
export async function prepareRecipients(run: RunDatabase) {
  await run.sql`
    update users u set role = 'EMPLOYEE'
    from bench.company c where c.id = u.company_id and ${run.sql.unsafe(recipientClient)} and u.role = 'MANAGER'`;
}

/** `count` due `contract.updated` events from caterers to the 50 clients; nothing else pending. */
export async function enqueueDrainEvents(run: RunDatabase, count = DRAIN_EVENTS) {
  await run.sql`delete from outbox_events where status = 'PENDING'`;
  await run.sql`
    with k as (
      select k.id, k.catering_id, k.client_id, row_number() over (order by k.n) - 1 as i
      from bench.contract k join bench.company c on c.id = k.client_id
      where ${run.sql.unsafe(recipientClient)}
    )
    insert into outbox_events (aggregate_id, event_type, payload, next_retry_at, created_at)
    select k.id, 'contract.updated', ${run.sql.unsafe(contractUpdatedPayloadSql('k'))},
      now() - interval '1 minute', now() - interval '1 minute' + g * interval '1 microsecond'
    from generate_series(0, ${count - 1}::int) g
    join k on k.i = g % (select count(*) from k)`;
  await assertPendingPayloadsValid(run.db);
}

/**
 * Drains the `events` due events with `handlers` in one drainOutbox call, checks that exactly
 * the expected notifications and e-mail deliveries were written, and returns events per second.
 */
export async function timedDrain(db: Database, handlers: OutboxHandler[], events: number, expect: { notifications: number; deliveries: number }) {
  const rows = async () =>
    (await queryRows<{ n: number; m: number }>(
      db,
      sql`select (select count(*)::int from notifications) as n, (select count(*)::int from email_deliveries) as m`,
    ))[0]!;
  const before = await rows();
  const drained = await timed(() => drainOutbox(db, { handlers, timeBudgetMs: 10 * 60_000 }));
  const after = await rows();
  const written = { notifications: after.n - before.n, deliveries: after.m - before.m };
  if (drained.result.processed !== events || written.notifications !== expect.notifications || written.deliveries !== expect.deliveries) {
    throw new Error(`drain: ${JSON.stringify(drained.result)}, wrote ${JSON.stringify(written)}, expected ${JSON.stringify(expect)}`);
  }
  return Math.round(events / (drained.ms / 1000));
}

async function drainRate(run: RunDatabase, handlers: OutboxHandler[], expect: { notifications: number; deliveries: number }) {
  await enqueueDrainEvents(run);
  return timedDrain(run.db, handlers, DRAIN_EVENTS, expect);
}

/**
 * The same work as a graphile-worker job: one notification row for the recipient named in the
 * payload (the job is told its recipient; the outbox handler looks it up, so this favours the job).
 */
async function graphileRate(run: RunDatabase) {
  const recipients = await run.sql<{ company_id: string; user_id: string; contract_id: string }[]>`
    select u.company_id, u.id as user_id, k.id as contract_id
    from bench.contract k join bench.company c on c.id = k.client_id
    join users u on u.company_id = k.client_id and u.role = 'ADMIN'
    where ${run.sql.unsafe(recipientClient)}`;
  return graphileJobsPerSecond(run.url, recipients, DRAIN_EVENTS);
}

/** Recipients of the graphile-worker jobs: who gets the notification, about which contract. */
export type GraphileRecipient = { company_id: string; user_id: string; contract_id: string };

/**
 * graphile-worker on the database at `url`: `jobs` jobs, each inserting one notification row for
 * the recipient named in its payload (round-robin over `recipients`); jobs per second from the
 * worker's start to its last success.
 */
export async function graphileJobsPerSecond(url: string, recipients: GraphileRecipient[], jobs: number) {
  await runMigrations({ connectionString: url, logger: silent });
  const utils = await makeWorkerUtils({ connectionString: url, logger: silent });
  try {
    await utils.addJobs(
      Array.from({ length: jobs }, (_, i) => {
        const r = recipients[i % recipients.length]!;
        return { identifier: 'notify', payload: { companyId: r.company_id, userId: r.user_id, contractId: r.contract_id } };
      }),
    );
  } finally {
    await utils.release();
  }
  const notify: Task = async (payload, helpers) => {
    const p = payload as { companyId: string; userId: string; contractId: string };
    await helpers.query(
      `insert into notifications (company_id, user_id, event_id, event_type, title, body, link)
       values ($1, $2, gen_random_uuid(), 'contract.updated', 'Contract updated', 'A contract changed.', '/contracts/' || $3)`,
      [p.companyId, p.userId, p.contractId],
    );
  };
  let done = 0;
  let finished: () => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const allDone = new Promise<void>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const started = performance.now();
  const runner = await runWorker({
    taskList: { notify },
    noHandleSignals: true,
    logger: silent,
    preset: {
      worker: {
        connectionString: url,
        concurrentJobs: GRAPHILE.concurrentJobs,
        maxPoolSize: GRAPHILE.maxPoolSize,
        pollInterval: 1000,
        localQueue: { size: GRAPHILE.localQueueSize },
        completeJobBatchDelay: 0,
        failJobBatchDelay: 0,
      },
    },
  });
  runner.events.on('job:success', () => {
    if (++done === jobs) finished();
  });
  runner.events.on('job:error', ({ error }: { error: unknown }) => failed(error));
  await allDone;
  const ms = performance.now() - started;
  await runner.stop();
  const check = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [left] = await check<{ n: number }[]>`select count(*)::int as n from graphile_worker._private_jobs`;
    if (left!.n !== 0) throw new Error(`graphile-worker left ${left!.n} jobs`);
  } finally {
    await check.end();
  }
  return Math.round(jobs / (ms / 1000));
}

/**
 * Side by side on this run's database (1 M processed events, 6.4 M service days): ChefOps's
 * outbox drain with the in-app handler alone and with the default handlers, and graphile-worker
 * doing the equivalent one-row job.
 */
export async function benchOutboxVsGraphile(run: RunDatabase, graphileVersion: string): Promise<ThroughputFigures> {
  await prepareRecipients(run);
  const rates = await measureSideBySide(DRAIN_EVENTS, (handlers, expect) => drainRate(run, handlers, expect), () => graphileRate(run));
  return { ...rates, graphile: { ...GRAPHILE, version: graphileVersion } };
}

type DrainRate = (handlers: OutboxHandler[], expect: { notifications: number; deliveries: number }) => Promise<number>;

/**
 * The three rates of one side-by-side run, in this order on the same database: the in-app
 * handler alone, graphile-worker's one-row job, the default handlers; and the two ratios.
 */
export async function measureSideBySide(events: number, drain: DrainRate, graphile: () => Promise<number>): Promise<Omit<ThroughputFigures, 'graphile'>> {
  const inApp = await drain([notificationsHandler], { notifications: events, deliveries: 0 });
  const jobs = await graphile();
  const all = await drain(defaultHandlers(), { notifications: events, deliveries: events });
  return {
    events,
    inAppEventsPerSecond: inApp,
    defaultHandlersEventsPerSecond: all,
    graphileJobsPerSecond: jobs,
    inAppOverGraphile: round(inApp / jobs, 2),
    defaultOverGraphile: round(all / jobs, 2),
  };
}
