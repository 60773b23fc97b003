import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';

export const RETENTION_DAYS = 30;

export type RetentionOptions = { now: Date; retentionDays?: number; batchSize?: number; maxBatches?: number };

async function deleteInBatches(db: DbOrTx, statement: (limit: number) => ReturnType<typeof sql>, batchSize: number, maxBatches: number) {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const [row] = await queryRows<{ n: number }>(db, statement(batchSize));
    const n = Number(row?.n ?? 0);
    total += n;
    if (n < batchSize) break;
  }
  return total;
}

/**
 * Prunes PROCESSED outbox events, idempotency ledger rows and SENT e-mail deliveries older than the retention period,
 * in capped batches so one run never holds long locks. Ledger rows of events that may still
 * run (PENDING, or DEAD awaiting a replay) are kept, so a replay does not repeat effects.
 */
export async function pruneOutbox(db: DbOrTx, options: RetentionOptions) {
  const { now, retentionDays = RETENTION_DAYS, batchSize = 1000, maxBatches = 50 } = options;
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60_000).toISOString();
  /** Rows of a table that finished (`status`) before the cutoff, oldest first. */
  const finished = (table: 'outbox_events' | 'email_deliveries', status: 'PROCESSED' | 'SENT', at: 'processed_at' | 'sent_at') =>
    deleteInBatches(
      db,
      (limit) => sql`
        with doomed as (
          select id from ${sql.raw(table)}
          where status = ${status} and ${sql.raw(at)} < ${cutoff}::timestamptz
          order by ${sql.raw(at)} limit ${limit}
        ),
        deleted as (delete from ${sql.raw(table)} where id in (select id from doomed) returning 1)
        select count(*)::int as n from deleted`,
      batchSize,
      maxBatches,
    );
  const outboxEventsDeleted = await finished('outbox_events', 'PROCESSED', 'processed_at');
  const ledgerRowsDeleted = await deleteInBatches(
    db,
    (limit) => sql`
      with doomed as (
        select pe.id from processed_events pe
        where pe.processed_at < ${cutoff}::timestamptz
          and not exists (
            select 1 from outbox_events e
            where e.id::text = split_part(pe.event_key, ':', 1) and e.status in ('PENDING', 'DEAD')
          )
        order by pe.processed_at limit ${limit}
      ),
      deleted as (delete from processed_events where id in (select id from doomed) returning 1)
      select count(*)::int as n from deleted`,
    batchSize,
    maxBatches,
  );
  const emailDeliveriesDeleted = await finished('email_deliveries', 'SENT', 'sent_at');
  return { outboxEventsDeleted, ledgerRowsDeleted, emailDeliveriesDeleted };
}
