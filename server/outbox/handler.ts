import type { Transaction } from '@/db/types';
import type { EventType, OutboxEvent } from './events';

/** An outbox event as a drainer claimed it, its payload already parsed by its type's schema. */
export type ClaimedEvent = OutboxEvent & {
  id: string;
  aggregateId: string;
  retryCount: number;
  createdAt: Date;
};

export type HandlerContext = {
  now: Date;
  /**
   * Shares a read between the handlers running in the same transaction (they see the same
   * data): the first call with a key loads, the others get its promise. Absent outside the drain.
   */
  memo?: <T>(key: string, load: () => Promise<T>) => Promise<T>;
};

/**
 * One consumer of outbox events. `handle` runs inside the transaction that also writes the
 * handler's idempotency ledger rows, so its database effects happen exactly once.
 */
export type OutboxHandler = {
  /** Part of the idempotency key; never rename a handler that has run in production. */
  name: string;
  eventTypes: readonly EventType[];
  /**
   * Handle one event per transaction instead of the whole batch at once: for effects outside
   * the database (sending email), where a rolled-back batch would repeat the sends.
   */
  perEvent?: boolean;
  handle(tx: Transaction, events: ClaimedEvent[], ctx: HandlerContext): Promise<void>;
};
