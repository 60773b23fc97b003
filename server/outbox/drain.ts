import { sql } from 'drizzle-orm';
import { processedEvents } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import { logger } from '@/server/logger';
import { MAX_ATTEMPTS } from './backoff';
import { canRunAtOnce, runBatchAtOnce, sharesOf, type HandlerShare } from './batch-at-once';
import { parseOutboxEvent } from './events';
import type { ClaimedEvent, OutboxHandler } from './handler';
import { defaultHandlers } from './handlers';
import { errorText, ledgerKey, markProcessed, recordFailures, type FailedEvent } from './outcome';

export type DrainOptions = {
  /** Fixed clock (tests); by default the real time, read per batch. */
  now?: Date;
  batchSize?: number;
  /**
   * Batches in flight at once, each with its own claim and transaction (while one commits, the
   * next is claimed and handled). On PGlite, one connection, they take turns.
   */
  concurrency?: number;
  /** Keep claiming batches until the outbox is empty or this much time has passed. */
  timeBudgetMs?: number;
  /** How long a claim holds before the events become due again for another drainer. */
  leaseMs?: number;
  handlers?: OutboxHandler[];
  maxAttempts?: number;
  random?: () => number;
};

export type DrainResult = { claimed: number; processed: number; failed: number; dead: number };

/**
 * A batch costs a handful of round trips and one commit whatever its size (runBatchAtOnce), so
 * larger batches drain faster; 500 events stay well under a second of work per transaction.
 */
export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_CONCURRENCY = 2;
export const DEFAULT_LEASE_MS = 5 * 60_000;

type ClaimedRow = {
  id: string;
  aggregate_id: string;
  event_type: string;
  payload: unknown;
  retry_count: number;
  created_at: Date | string;
};


/**
 * Claims up to `limit` due PENDING events in poll order. Instead of a status change the claim
 * pushes next_retry_at forward by the lease: other drainers skip the rows, and if this drainer
 * dies the events simply become due again (nothing is stranded). Each payload is parsed with
 * its type's schema here, once, so handlers only ever see typed payloads; one that fails is
 * returned apart with the schema's message. The locked rows are updated by their physical
 * address (ctid; a locked row cannot move, and FOR UPDATE re-checked it is PENDING and due),
 * not looked up again by id: at a million processed events that second lookup through the
 * primary key was a third of the claim. No other condition beside the ctid: the planner would
 * rather walk every PENDING row of the poll index to test it.
 */
export async function claimOutboxBatch(
  db: DbOrTx,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<{ events: ClaimedEvent[]; unreadable: FailedEvent[] }> {
  const rows = await queryRows<ClaimedRow>(
    db,
    sql`with claimed as (
          update outbox_events set next_retry_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
          where ctid = any(array(
            select ctid from outbox_events
            where status = 'PENDING' and next_retry_at <= ${now.toISOString()}::timestamptz
            order by next_retry_at, created_at
            limit ${limit}
            for update skip locked
          ))
          returning id, aggregate_id, event_type, payload, retry_count, created_at
        )
        select * from claimed order by created_at, id`,
  );
  const events: ClaimedEvent[] = [];
  const unreadable: FailedEvent[] = [];
  for (const r of rows) {
    const retryCount = Number(r.retry_count);
    try {
      const payload = typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload;
      const event = parseOutboxEvent(r.event_type, payload);
      events.push({ ...event, id: r.id, aggregateId: r.aggregate_id, retryCount, createdAt: new Date(r.created_at) });
    } catch (error) {
      unreadable.push({ id: r.id, eventType: r.event_type, retryCount, error: `schema: ${errorText(error)}` });
    }
  }
  return { events, unreadable };
}

/**
 * The careful path, one handler at a time in its own transaction together with its ledger rows.
 * Events whose ledger row already exists (an earlier attempt, or a drainer whose lease ran out)
 * are skipped; a concurrent insert of the same key waits for the other transaction, so effects
 * happen once.
 */
async function runHandler(db: DbOrTx, handler: OutboxHandler, events: ClaimedEvent[], now: Date) {
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(processedEvents)
      .values(events.map((e) => ({ eventKey: ledgerKey(e.id, handler.name), handlerName: handler.name, processedAt: now })))
      .onConflictDoNothing({ target: processedEvents.eventKey })
      .returning({ eventKey: processedEvents.eventKey });
    const fresh = new Set(inserted.map((r) => r.eventKey));
    const todo = events.filter((e) => fresh.has(ledgerKey(e.id, handler.name)));
    if (todo.length > 0) await handler.handle(tx, todo, { now });
  });
}

/**
 * Runs one handler over events; if that fails, over each half, down to single events, so one
 * poison event costs about 2·log2(batch) transactions and never blocks the others.
 */
async function runByHalves(db: DbOrTx, handler: OutboxHandler, events: ClaimedEvent[], now: Date, fail: (e: ClaimedEvent, error: unknown) => void) {
  if (handler.perEvent && events.length > 1) {
    for (const event of events) await runByHalves(db, handler, [event], now, fail);
    return;
  }
  try {
    await runHandler(db, handler, events, now);
  } catch (error) {
    if (events.length === 1) return fail(events[0]!, error);
    const half = Math.ceil(events.length / 2);
    await runByHalves(db, handler, events.slice(0, half), now, fail);
    await runByHalves(db, handler, events.slice(half), now, fail);
  }
}

/** Runs every handler over its share of a batch, carefully; returns the error per failed event. */
async function runHandlersCarefully(db: DbOrTx, shares: HandlerShare[], now: Date) {
  const failures = new Map<string, string>();
  // Handlers are independent (each its own transaction and ledger rows), so they run at once.
  await Promise.all(
    shares.map(({ handler, events }) =>
      runByHalves(db, handler, events, now, (event, error) => {
        const message = `${handler.name}: ${errorText(error)}`;
        failures.set(event.id, failures.has(event.id) ? `${failures.get(event.id)}\n${message}` : message);
        logger.warn('outbox.handler_failed', { eventId: event.id, eventType: event.eventType, handler: handler.name, error: message });
      }),
    ),
  );
  return failures;
}

/**
 * One claimed batch: all of it in one transaction when it can (runBatchAtOnce), otherwise (a
 * handler failed, or effects were partly recorded before) handler by handler, then the outcome.
 */
async function processBatch(
  db: DbOrTx,
  events: ClaimedEvent[],
  unreadable: FailedEvent[],
  handlers: OutboxHandler[],
  now: Date,
  maxAttempts: number,
  random: () => number,
): Promise<Omit<DrainResult, 'claimed'>> {
  const shares = sharesOf(events, handlers);
  let processed = events.length > 0 && canRunAtOnce(shares) ? await runBatchAtOnce(db, events, shares, now) : null;
  const failed: FailedEvent[] = [...unreadable];
  if (processed === null) {
    const failures = await runHandlersCarefully(db, shares, now);
    processed = await markProcessed(db, events.filter((e) => !failures.has(e.id)).map((e) => e.id), now);
    for (const e of events) {
      const error = failures.get(e.id);
      if (error !== undefined) failed.push({ id: e.id, eventType: e.eventType, retryCount: e.retryCount, error });
    }
  }
  for (const bad of unreadable) logger.warn('outbox.payload_invalid', { eventId: bad.id, eventType: bad.eventType, error: bad.error });
  return { processed, ...(await recordFailures(db, failed, now, maxAttempts, random)) };
}

/**
 * Drains the outbox: claims due events in batches, runs every subscribed handler, marks events
 * PROCESSED or schedules their retry (DEAD after `maxAttempts` failures). Safe to run from many
 * processes at once.
 */
export async function drainOutbox(db: DbOrTx, options: DrainOptions = {}): Promise<DrainResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const timeBudgetMs = options.timeBudgetMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const random = options.random ?? Math.random;
  const handlers = options.handlers ?? defaultHandlers();
  const started = Date.now();
  const total: DrainResult = { claimed: 0, processed: 0, failed: 0, dead: 0 };
  // Each worker claims and processes batches until the outbox is empty or the budget is spent.
  const worker = async () => {
    for (;;) {
      const now = options.now ?? new Date();
      const { events, unreadable } = await claimOutboxBatch(db, now, batchSize, leaseMs);
      const claimed = events.length + unreadable.length;
      if (claimed === 0) return;
      const outcome = await processBatch(db, events, unreadable, handlers, now, maxAttempts, random);
      total.claimed += claimed;
      total.processed += outcome.processed;
      total.failed += outcome.failed;
      total.dead += outcome.dead;
      if (claimed < batchSize || Date.now() - started >= timeBudgetMs) return;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY) }, worker));
  return total;
}
