import { and, eq, inArray, sql } from 'drizzle-orm';
import { outboxEvents, processedEvents } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import { logger } from '@/server/logger';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff';
import { parseOutboxEvent } from './events';
import type { ClaimedEvent, OutboxHandler } from './handler';
import { defaultHandlers } from './handlers';
import { SECRET_PAYLOAD_KEYS } from './events';

export type DrainOptions = {
  /** Fixed clock (tests); by default the real time, read per batch. */
  now?: Date;
  batchSize?: number;
  /** Keep claiming batches until the outbox is empty or this much time has passed. */
  timeBudgetMs?: number;
  /** How long a claim holds before the events become due again for another drainer. */
  leaseMs?: number;
  handlers?: OutboxHandler[];
  maxAttempts?: number;
  random?: () => number;
};

export type DrainResult = { claimed: number; processed: number; failed: number; dead: number };

export const DEFAULT_BATCH_SIZE = 100;
export const DEFAULT_LEASE_MS = 5 * 60_000;
const MAX_ERROR_LENGTH = 2000;

type ClaimedRow = {
  id: string;
  aggregate_id: string;
  event_type: string;
  payload: unknown;
  retry_count: number;
  created_at: Date | string;
};

/** A claimed row whose payload failed its type's schema: failed like any handler error. */
type UnreadableEvent = { id: string; eventType: string; retryCount: number; error: string };

/**
 * Claims up to `limit` due PENDING events in poll order. Instead of a status change the claim
 * pushes next_retry_at forward by the lease: other drainers skip the rows, and if this drainer
 * dies the events simply become due again (nothing is stranded). Each payload is parsed with
 * its type's schema here, once, so handlers only ever see typed payloads; one that fails is
 * returned apart with the schema's message.
 */
export async function claimOutboxBatch(
  db: DbOrTx,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<{ events: ClaimedEvent[]; unreadable: UnreadableEvent[] }> {
  const rows = await queryRows<ClaimedRow>(
    db,
    sql`with claimed as (
          update outbox_events set next_retry_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
          where id in (
            select id from outbox_events
            where status = 'PENDING' and next_retry_at <= ${now.toISOString()}::timestamptz
            order by next_retry_at, created_at
            limit ${limit}
            for update skip locked
          )
          returning id, aggregate_id, event_type, payload, retry_count, created_at
        )
        select * from claimed order by created_at, id`,
  );
  const events: ClaimedEvent[] = [];
  const unreadable: UnreadableEvent[] = [];
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

/** Secrets in a payload (tokens of older events) are not kept once the event is finished, well or badly. */
const withoutSecrets = sql`${outboxEvents.payload} - array[${sql.join(
  SECRET_PAYLOAD_KEYS.map((key) => sql`${key}`),
  sql`, `,
)}]::text[]`;

const ledgerKey = (eventId: string, handlerName: string) => `${eventId}:${handlerName}`;

/**
 * Runs one handler over events in one transaction together with its ledger rows. Events whose
 * ledger row already exists (an earlier attempt, or a drainer whose lease ran out) are skipped;
 * a concurrent insert of the same key waits for the other transaction, so effects happen once.
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

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/** Runs every handler over a claimed batch; returns the error per failed event. */
async function runHandlers(db: DbOrTx, events: ClaimedEvent[], handlers: OutboxHandler[], now: Date) {
  const failures = new Map<string, string>();
  const fail = (event: ClaimedEvent, handler: OutboxHandler, error: unknown) => {
    const message = `${handler.name}: ${errorText(error)}`;
    failures.set(event.id, failures.has(event.id) ? `${failures.get(event.id)}\n${message}` : message);
    logger.warn('outbox.handler_failed', { eventId: event.id, eventType: event.eventType, handler: handler.name, error: message });
  };
  // Handlers are independent (each its own transaction and ledger rows), so they run at once:
  // a batch takes as long as its slowest handler, not the sum (PGlite serializes them anyway).
  await Promise.all(
    handlers.map(async (handler) => {
      const mine = events.filter((e) => handler.eventTypes.includes(e.eventType));
      if (mine.length === 0) return;
      if (!handler.perEvent && mine.length > 1) {
        try {
          await runHandler(db, handler, mine, now);
          return;
        } catch {
          // One poison event must not block the others: retry the batch one event at a time.
        }
      }
      for (const event of mine) {
        try {
          await runHandler(db, handler, [event], now);
        } catch (error) {
          fail(event, handler, error);
        }
      }
    }),
  );
  return failures;
}

/**
 * Records the outcome. Updates are guarded by status and retry_count, so a drainer whose lease
 * ran out cannot overwrite what another drainer already recorded.
 */
async function recordOutcome(
  db: DbOrTx,
  events: { id: string; eventType: string; retryCount: number }[],
  failures: Map<string, string>,
  now: Date,
  maxAttempts: number,
  random: () => number,
): Promise<Omit<DrainResult, 'claimed'>> {
  const done = events.filter((e) => !failures.has(e.id)).map((e) => e.id);
  let processed = 0;
  if (done.length > 0) {
    const rows = await db
      .update(outboxEvents)
      .set({ status: 'PROCESSED', processedAt: now, payload: withoutSecrets })
      .where(and(inArray(outboxEvents.id, done), eq(outboxEvents.status, 'PENDING')))
      .returning({ id: outboxEvents.id });
    processed = rows.length;
  }
  let failed = 0;
  let dead = 0;
  for (const event of events) {
    const error = failures.get(event.id);
    if (error === undefined) continue;
    const attempt = event.retryCount + 1;
    const isDead = attempt >= maxAttempts;
    const rows = await db
      .update(outboxEvents)
      .set({
        retryCount: attempt,
        errorMessage: error.slice(0, MAX_ERROR_LENGTH),
        ...(isDead
          ? { status: 'DEAD' as const, payload: withoutSecrets }
          : { nextRetryAt: new Date(now.getTime() + retryDelayMs(attempt, random)) }),
      })
      .where(and(eq(outboxEvents.id, event.id), eq(outboxEvents.status, 'PENDING'), eq(outboxEvents.retryCount, event.retryCount)))
      .returning({ id: outboxEvents.id });
    if (rows.length === 0) continue;
    if (isDead) {
      dead += 1;
      logger.error('outbox.event_dead', { eventId: event.id, eventType: event.eventType, attempts: attempt, error });
    } else failed += 1;
  }
  return { processed, failed, dead };
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
  for (;;) {
    const now = options.now ?? new Date();
    const { events, unreadable } = await claimOutboxBatch(db, now, batchSize, leaseMs);
    const claimed = events.length + unreadable.length;
    if (claimed === 0) break;
    const failures = await runHandlers(db, events, handlers, now);
    for (const bad of unreadable) {
      failures.set(bad.id, bad.error);
      logger.warn('outbox.payload_invalid', { eventId: bad.id, eventType: bad.eventType, error: bad.error });
    }
    const outcome = await recordOutcome(db, [...events, ...unreadable], failures, now, maxAttempts, random);
    total.claimed += claimed;
    total.processed += outcome.processed;
    total.failed += outcome.failed;
    total.dead += outcome.dead;
    if (claimed < batchSize || Date.now() - started >= timeBudgetMs) break;
  }
  return total;
}
