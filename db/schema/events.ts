import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, timestamps, tstz } from './columns';
import { outboxStatus } from './enums';

/**
 * Transactional outbox. A drain claims events by locking them in its batch's transaction; a batch
 * taken the careful way (outside it) is leased: next_retry_at pushed forward, so a drainer that
 * dies mid-batch leaves events that simply become due again.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: id(),
    aggregateId: uuid('aggregate_id').notNull(),
    eventType: varchar('event_type', { length: 100 }).notNull(),
    payload: jsonb('payload').notNull(),
    status: outboxStatus('status').notNull().default('PENDING'),
    retryCount: integer('retry_count').notNull().default(0),
    nextRetryAt: tstz('next_retry_at').notNull().defaultNow(),
    publishedAt: tstz('published_at'),
    processedAt: tstz('processed_at'),
    errorMessage: text('error_message'),
    ...timestamps,
  },
  (t) => [
    // Serves exactly the poll: PENDING and due, oldest first.
    index('outbox_events_poll_idx')
      .on(t.nextRetryAt, t.createdAt)
      .where(sql`${t.status} = 'PENDING'`),
    index('outbox_events_processed_at_idx')
      .on(t.processedAt)
      .where(sql`${t.status} = 'PROCESSED'`),
  ],
);

/** Idempotency ledger: one row per (event, handler) that has taken effect. */
export const processedEvents = pgTable(
  'processed_events',
  {
    id: id(),
    eventKey: varchar('event_key', { length: 500 }).notNull().unique(),
    handlerName: varchar('handler_name', { length: 255 }).notNull(),
    processedAt: tstz('processed_at').notNull().defaultNow(),
  },
  (t) => [index('processed_events_processed_at_idx').on(t.processedAt)],
);

/** Fixed-window counters for brute-force limits; shared by every app instance. */
export const rateLimits = pgTable('rate_limits', {
  key: varchar('key', { length: 300 }).primaryKey(),
  count: integer('count').notNull().default(0),
  windowStartedAt: tstz('window_started_at').notNull().defaultNow(),
  ...timestamps,
});
