import { sql } from 'drizzle-orm';
import { processedEvents } from '@/db/schema';
import type { DbOrTx, Transaction } from '@/db/types';
import { queryRows, sqlArray } from '@/db/rows';
import { isEmbedded } from '@/db/driver';
import { logger } from '@/server/logger';
import { MAX_ATTEMPTS } from './backoff';
import { allQueries } from '@/db/concurrent';
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
  /**
   * How long a hung drainer holds its events before another may take them: its claim's
   * transaction idle that long, or the careful path's lease.
   */
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


export type Claim = { events: ClaimedEvent[]; unreadable: FailedEvent[] };

/** Typed events from claimed rows; a payload that fails its type's schema is returned apart with the schema's message. */
function parseClaimed(rows: ClaimedRow[]): Claim {
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
 * Claims up to `limit` due PENDING events in poll order by locking them (FOR UPDATE SKIP LOCKED)
 * in the caller's transaction, writing nothing: other drainers skip the locked rows, and when this
 * drainer's transaction ends — committed, rolled back, or with its process or connection — the
 * rows are free again, so nothing is stranded. Each payload is parsed with its type's schema
 * here, once, so handlers only ever see typed payloads.
 */
export async function claimOutboxBatch(db: DbOrTx, now: Date, limit: number): Promise<Claim> {
  const rows = await queryRows<ClaimedRow>(
    db,
    sql`select * from (
          select id, aggregate_id, event_type, payload, retry_count, created_at from outbox_events
          where status = 'PENDING' and next_retry_at <= ${now.toISOString()}::timestamptz
          order by next_retry_at, created_at
          limit ${limit}
          for update skip locked
        ) as claimed
        order by created_at, id`,
  );
  return parseClaimed(rows);
}

/**
 * Leases claimed events for the careful path, which works outside the claim's transaction: in that
 * transaction (the rows still locked by it, so still PENDING and due), their next_retry_at is
 * pushed forward by the lease; once it commits other drainers skip them, and if this drainer dies
 * they simply become due again.
 */
async function leaseOutboxEvents(tx: Transaction, ids: string[], now: Date, leaseMs: number): Promise<void> {
  await tx.execute(sql`
    update outbox_events set next_retry_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
    where id = any(${sqlArray(ids, 'uuid')})`);
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
  await allQueries(
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

type BatchOptions = { now: Date; batchSize: number; leaseMs: number; handlers: OutboxHandler[]; maxAttempts: number; random: () => number };

const logUnreadable = (unreadable: FailedEvent[]) => {
  for (const bad of unreadable) logger.warn('outbox.payload_invalid', { eventId: bad.id, eventType: bad.eventType, error: bad.error });
};

/**
 * One batch. Its transaction claims the events and, when every handler is set-based, runs the
 * whole batch (runBatchAtOnce, in a savepoint) and records the outcome before it commits: no write
 * for the claim itself. A drainer that hangs holds its claim no longer than the lease: on
 * PostgreSQL the transaction sets idle_in_transaction_session_timeout to it, and the server then
 * ends the session (the embedded database has no other drainer to hand over to). If the savepoint rolls back (a handler failed, or effects were partly recorded
 * before) or a handler wants a transaction per event, the still-locked events are leased in the
 * same transaction, and after it commits they are taken the careful way.
 */
async function drainBatch(db: DbOrTx, o: BatchOptions): Promise<DrainResult> {
  const outcome = await db.transaction(async (tx): Promise<{ done: DrainResult } | { careful: Claim }> => {
    const taken: { claim?: Claim } = {};
    await allQueries([
      // On a server only: ending the embedded database's one backend would hang it.
      isEmbedded(tx) ? Promise.resolve() : tx.execute(sql`select set_config('idle_in_transaction_session_timeout', ${String(o.leaseMs)}, true)`),
      claimOutboxBatch(tx, o.now, o.batchSize).then((c) => (taken.claim = c)),
    ]);
    const claim = taken.claim!;
    const { events, unreadable } = claim;
    const claimed = events.length + unreadable.length;
    if (claimed === 0) return { done: { claimed, processed: 0, failed: 0, dead: 0 } };
    const shares = sharesOf(events, o.handlers);
    if (canRunAtOnce(shares)) {
      try {
        return await tx.transaction(async (sp) => {
          const processed = events.length > 0 ? await runBatchAtOnce(sp, events, shares, o.now) : 0;
          logUnreadable(unreadable);
          return { done: { claimed, processed, ...(await recordFailures(sp, unreadable, o.now, o.maxAttempts, o.random)) } };
        });
      } catch {
        // Rolled back to the savepoint, the claim's locks held: the careful path reports errors per event.
      }
    }
    await leaseOutboxEvents(tx, [...events, ...unreadable].map((e) => e.id), o.now, o.leaseMs);
    return { careful: claim };
  });
  return 'done' in outcome ? outcome.done : drainCarefully(db, outcome.careful, o);
}

/** A leased batch the careful way: handler by handler (then per event), then the outcome. */
async function drainCarefully(db: DbOrTx, claim: Claim, o: BatchOptions): Promise<DrainResult> {
  const { events, unreadable } = claim;
  const failures = await runHandlersCarefully(db, sharesOf(events, o.handlers), o.now);
  const processed = await markProcessed(db, events.filter((e) => !failures.has(e.id)).map((e) => e.id), o.now);
  const failed: FailedEvent[] = [...unreadable];
  for (const e of events) {
    const error = failures.get(e.id);
    if (error !== undefined) failed.push({ id: e.id, eventType: e.eventType, retryCount: e.retryCount, error });
  }
  logUnreadable(unreadable);
  return { claimed: events.length + unreadable.length, processed, ...(await recordFailures(db, failed, o.now, o.maxAttempts, o.random)) };
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
      const batch = await drainBatch(db, { now: options.now ?? new Date(), batchSize, leaseMs, handlers, maxAttempts, random });
      total.claimed += batch.claimed;
      total.processed += batch.processed;
      total.failed += batch.failed;
      total.dead += batch.dead;
      if (batch.claimed < batchSize || Date.now() - started >= timeBudgetMs) return;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY) }, worker));
  return total;
}
