import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { queryRows } from '@/db/rows';
import { drainOutbox } from '@/server/outbox/drain';
import { enqueueOutboxEvents, type NewOutboxEvent } from '@/server/outbox/enqueue';
import { defaultHandlers } from '@/server/outbox/handlers';
import { analyze, count, seedTenants } from './support/fixtures';
import { round, timed } from './support/measure';

export const OUTBOX_EVENTS = 5000;
const PARALLEL_DRAINERS = 4;

/** 5,000 due `contract.updated` events, round-robin over the contracts, each written by the contract's caterer. */
async function enqueueContractEvents(db: Database) {
  const contracts = await queryRows<{ id: string; catering_id: string; client_id: string }>(
    db,
    sql`select id, catering_id, client_id from contracts order by id`,
  );
  const events = Array.from({ length: OUTBOX_EVENTS }, (_, i): NewOutboxEvent => {
    const k = contracts[i % contracts.length]!;
    const parties = { contractId: k.id, cateringId: k.catering_id, clientId: k.client_id, actorCompanyId: k.catering_id, actorUserId: null };
    return {
      type: 'contract.updated',
      aggregateId: k.id,
      payload: { ...parties, changed: ['defaultQuantity'], lockedServiceDays: 0, replacedServiceDays: 20, generatedServiceDays: 20 },
    };
  });
  await db.transaction((tx) => enqueueOutboxEvents(tx, events));
}

export type OutboxResult = {
  events: number;
  drainMs: number;
  eventsPerSecond: number;
  /** PostgreSQL only: the same load drained by 4 drainers at once (PGlite has one connection). */
  parallelEventsPerSecond: number | null;
  notifications: number;
  emails: number;
  meetsTarget: boolean;
};

/**
 * 5,000 `contract.updated` events written by caterers about their contracts with 10 clients;
 * each client has an ADMIN and a MANAGER (the recipients) and an EMPLOYEE (not one). Every event
 * therefore yields 2 in-app notifications and 2 e-mail deliveries recorded (email_deliveries rows;
 * sending them is the sender's work, measured apart).
 */
export async function benchOutboxDrain(db: Database, kind: 'pglite' | 'postgres'): Promise<OutboxResult> {
  await seedTenants(db, {
    prefix: 'outbox',
    caterers: 10,
    clients: 10,
    contracts: 10,
    dailyCapacity: 1000,
    serviceWeekdays: [1, 2, 3, 4, 5],
    managers: 1,
    employees: 1,
  });
  await enqueueContractEvents(db);
  await analyze(db);
  const handlers = defaultHandlers();
  const drained = await timed(() => drainOutbox(db, { handlers, timeBudgetMs: 10 * 60_000 }));
  const left = await count(db, sql`select count(*) as n from outbox_events where status <> 'PROCESSED'`);
  if (drained.result.processed !== OUTBOX_EVENTS || left !== 0) {
    throw new Error(`outbox not drained: ${JSON.stringify(drained.result)}, ${left} left`);
  }
  const notifications = await count(db, sql`select count(*) as n from notifications`);
  const emails = await count(db, sql`select count(*) as n from email_deliveries`);
  if (notifications !== 2 * OUTBOX_EVENTS || emails !== 2 * OUTBOX_EVENTS) {
    throw new Error(`expected ${2 * OUTBOX_EVENTS} notifications and emails, got ${notifications} and ${emails}`);
  }
  const eventsPerSecond = Math.round(OUTBOX_EVENTS / (drained.ms / 1000));
  let parallelEventsPerSecond: number | null = null;
  if (kind === 'postgres') {
    await enqueueContractEvents(db);
    const parallel = await timed(() =>
      Promise.all(Array.from({ length: PARALLEL_DRAINERS }, () => drainOutbox(db, { handlers, timeBudgetMs: 10 * 60_000 }))),
    );
    const processed = parallel.result.reduce((sum, r) => sum + r.processed, 0);
    if (processed !== OUTBOX_EVENTS) throw new Error(`parallel drainers processed ${processed} events`);
    parallelEventsPerSecond = Math.round(OUTBOX_EVENTS / (parallel.ms / 1000));
  }
  return {
    events: OUTBOX_EVENTS,
    drainMs: round(drained.ms),
    eventsPerSecond,
    parallelEventsPerSecond,
    notifications,
    emails,
    meetsTarget: eventsPerSecond >= 500,
  };
}
