import { sql } from 'drizzle-orm';
import type { DbOrTx, Transaction } from '@/db/types';
import { allQueries } from '@/db/concurrent';
import { queryRows, sqlArray } from '@/db/rows';
import type { ClaimedEvent, HandlerContext, OutboxHandler } from './handler';
import { ledgerKey, markProcessed } from './outcome';

/** Thrown inside the batch's transaction to roll it back: the careful path takes the batch. */
export class TakeCarefulPath extends Error {}

/** One handler's share of a batch: its events and their ledger keys. */
export type HandlerShare = { handler: OutboxHandler; events: ClaimedEvent[] };

export function sharesOf(events: ClaimedEvent[], handlers: OutboxHandler[]): HandlerShare[] {
  return handlers
    .map((handler) => ({ handler, events: events.filter((e) => handler.eventTypes.includes(e.eventType)) }))
    .filter((s) => s.events.length > 0);
}

/** Whether a batch may run in one transaction: no handler asks for a transaction per event. */
export const canRunAtOnce = (shares: HandlerShare[]) => shares.every((s) => !s.handler.perEvent);

/** A memo the handlers of one transaction share, so a read both need is made once. */
export function transactionMemo(): NonNullable<HandlerContext['memo']> {
  const values = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>) => {
    if (!values.has(key)) values.set(key, load());
    return values.get(key) as Promise<T>;
  };
}

async function insertLedger(tx: DbOrTx, shares: HandlerShare[], now: Date): Promise<number> {
  const keys = shares.flatMap((s) => s.events.map((e) => ledgerKey(e.id, s.handler.name)));
  const names = shares.flatMap((s) => s.events.map(() => s.handler.name));
  const [row] = await queryRows<{ n: number | string }>(
    tx,
    sql`with ins as (
          insert into processed_events (event_key, handler_name, processed_at)
          select k, h, ${now.toISOString()}::timestamptz from unnest(${sqlArray(keys, 'text')}, ${sqlArray(names, 'text')}) as t(k, h)
          on conflict (event_key) do nothing
          returning 1
        )
        select count(*) as n from ins`,
  );
  return Number(row?.n ?? 0);
}

/**
 * The fast path, inside the batch's transaction (the one whose claim locked the events): every
 * handler's ledger rows in one statement, all handlers, and the PROCESSED outcome, issued
 * together, so postgres.js pipelines them and the batch costs a few round trips and one commit.
 * It is optimistic: the handlers run on every event while the ledger rows are inserted, and if
 * any ledger row already existed (an earlier partly failed attempt, or a drainer whose lease ran
 * out) it throws TakeCarefulPath, as any handler's error propagates: the transaction rolls back
 * and the caller takes the careful path (a transaction per handler, then per event). So effects
 * still happen exactly once, with their ledger rows. Returns the events marked PROCESSED.
 */
export async function runBatchAtOnce(tx: Transaction, events: ClaimedEvent[], shares: HandlerShare[], now: Date): Promise<number> {
  const expected = shares.reduce((n, s) => n + s.events.length, 0);
  const memo = transactionMemo();
  let inserted = 0;
  let processed = 0;
  await allQueries([
    insertLedger(tx, shares, now).then((n) => (inserted = n)),
    ...shares.map((s) => s.handler.handle(tx, s.events, { now, memo })),
    markProcessed(tx, events.map((e) => e.id), now).then((n) => (processed = n)),
  ]);
  if (inserted !== expected) throw new TakeCarefulPath('some effects were already recorded');
  return processed;
}
