import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import { enqueueOutboxEvents, type NewOutboxEvent } from '@/server/outbox/enqueue';
import { contractEventPayload } from '@/server/services/contracts/events';

export interface AutoLockOptions {
  now: Date;
  /** Only this contract's days (pause, terminate, edit); every contract when omitted (cron). */
  contractId?: string;
  /** Days locked per statement by the cron sweep (default AUTO_LOCK_BATCH); tests use a small one. */
  batchSize?: number;
}

/** The cron sweep locks at most this many days per statement, oldest deadline first, until none are left. */
export const AUTO_LOCK_BATCH = 2000;

/** The event of a day locked at its deadline (by the sweep, or before a served count). */
export function autoLockedEvent(
  contract: { id: string; cateringId: string; clientId: string },
  day: { id: string; serviceDate: string; expectedQuantity: number },
): NewOutboxEvent {
  return {
    type: 'service_day.expected_auto_locked',
    aggregateId: day.id,
    payload: contractEventPayload(contract, null, {
      serviceDayId: day.id,
      serviceDate: day.serviceDate,
      expectedQuantity: day.expectedQuantity,
    }),
  };
}

type LockedRow = {
  id: string;
  service_date: string;
  expected_quantity: number;
  contract_id: string;
  catering_id: string;
  client_id: string;
};

/**
 * The days to lock. The cron sweep (no contract) walks the partial index of PENDING days in
 * deadline order, `limit` at a time, and joins each day's contract by key: the planner cannot
 * tell how many PENDING days are due (its deadline statistics are those of the whole table,
 * mostly past days), and with an unbounded query it chose a sequential scan of service_days once
 * many looked due. A contract's own days are read through its (contract_id, …) indexes instead.
 */
function dueDays(now: string, options: AutoLockOptions, limit: number) {
  // The limit is a literal, not a parameter: a prepared statement's generic plan would assume
  // a tenth of the estimated due days for a parameter, and join the update back by a seq scan.
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`bad auto-lock batch size ${limit}`);
  if (options.contractId) {
    return sql`
      select sd.id, c.id as contract_id, c.catering_id, c.client_id
      from service_days sd
      join contracts c on c.id = sd.contract_id
      where sd.status = 'PENDING' and sd.confirmation_deadline <= ${now}::timestamptz
        and c.deleted_at is null and c.id = ${options.contractId}::uuid
      for update of sd skip locked`;
  }
  return sql`
    select sd.id, c.id as contract_id, c.catering_id, c.client_id
    from service_days sd
    join contracts c on c.id = sd.contract_id
    where sd.status = 'PENDING' and sd.confirmation_deadline <= ${now}::timestamptz
      and c.deleted_at is null
    order by sd.confirmation_deadline
    limit ${sql.raw(String(limit))}
    for update of sd skip locked`;
}

/**
 * Locks every PENDING day whose confirmation deadline has passed at its current expected
 * quantity (EXPECTED_CONFIRMED, no confirmer) and enqueues one `service_day.expected_auto_locked`
 * event per day, set-based and in one transaction, so the days and their events commit
 * together. Rows another transaction is confirming right now are skipped (SKIP LOCKED); the
 * next sweep gets them. The cron sweep locks in batches (see dueDays) until a batch comes back
 * short. Returns how many days were locked.
 */
export async function autoLockDueServiceDays(db: DbOrTx, options: AutoLockOptions): Promise<number> {
  const now = options.now.toISOString();
  const batchSize = options.batchSize ?? AUTO_LOCK_BATCH;
  return db.transaction(async (tx) => {
    let total = 0;
    for (;;) {
      const locked = await queryRows<LockedRow>(
        tx,
        sql`
          with due as (${dueDays(now, options, batchSize)})
          update service_days sd
          set status = 'EXPECTED_CONFIRMED',
              expected_quantity_confirmed_at = ${now}::timestamptz,
              expected_quantity_confirmer_id = null
          from due
          where sd.id = due.id
          returning sd.id, to_char(sd.service_date, 'YYYY-MM-DD') as service_date, sd.expected_quantity,
            due.contract_id, due.catering_id, due.client_id`,
      );
      await enqueueOutboxEvents(
        tx,
        locked.map((l) =>
          autoLockedEvent(
            { id: l.contract_id, cateringId: l.catering_id, clientId: l.client_id },
            { id: l.id, serviceDate: l.service_date, expectedQuantity: Number(l.expected_quantity) },
          ),
        ),
      );
      total += locked.length;
      // A short batch is the last: every due day left is locked by another transaction (skipped).
      if (options.contractId || locked.length < batchSize) return total;
    }
  });
}
