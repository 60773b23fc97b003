import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import { enqueueOutboxEvents, type NewOutboxEvent } from '@/server/outbox/enqueue';
import { contractEventPayload } from '@/server/services/contracts/events';

export interface AutoLockOptions {
  now: Date;
  /** Only this contract's days (pause, terminate, edit); every contract when omitted (cron). */
  contractId?: string;
}

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

/**
 * Locks every PENDING day whose confirmation deadline has passed at its current expected
 * quantity (EXPECTED_CONFIRMED, no confirmer) and enqueues one `service_day.expected_auto_locked`
 * event per day, set-based and in one transaction, so the days and their events commit
 * together. Rows another transaction is confirming right now are skipped (SKIP LOCKED); the
 * next sweep gets them. Returns how many days were locked.
 */
export async function autoLockDueServiceDays(db: DbOrTx, options: AutoLockOptions): Promise<number> {
  const now = options.now.toISOString();
  const onlyContract = options.contractId ? sql`and c.id = ${options.contractId}::uuid` : sql``;
  return db.transaction(async (tx) => {
    const locked = await queryRows<{
      id: string;
      service_date: string;
      expected_quantity: number;
      contract_id: string;
      catering_id: string;
      client_id: string;
    }>(
      tx,
      sql`
        with due as (
          select sd.id, c.id as contract_id, c.catering_id, c.client_id
          from service_days sd
          join contracts c on c.id = sd.contract_id
          where sd.status = 'PENDING' and sd.confirmation_deadline <= ${now}::timestamptz
            and c.deleted_at is null ${onlyContract}
          for update of sd skip locked
        )
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
    return locked.length;
  });
}
