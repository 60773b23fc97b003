import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';

export interface AutoLockOptions {
  now: Date;
  /** Only this contract's days (pause, terminate, edit); every contract when omitted (cron). */
  contractId?: string;
}

/**
 * Locks every PENDING day whose confirmation deadline has passed at its current expected
 * quantity (EXPECTED_CONFIRMED, no confirmer) and enqueues one `service_day.expected_auto_locked`
 * event per day. One statement, so the days and their events commit together. Rows another
 * transaction is confirming right now are skipped (SKIP LOCKED); the next sweep gets them.
 * Returns how many days were locked.
 */
export async function autoLockDueServiceDays(db: DbOrTx, options: AutoLockOptions): Promise<number> {
  const now = options.now.toISOString();
  const onlyContract = options.contractId ? sql`and c.id = ${options.contractId}::uuid` : sql``;
  const [row] = await queryRows<{ locked: number }>(
    db,
    sql`
      with due as (
        select sd.id, c.id as contract_id, c.catering_id, c.client_id
        from service_days sd
        join contracts c on c.id = sd.contract_id
        where sd.status = 'PENDING' and sd.confirmation_deadline <= ${now}::timestamptz
          and c.deleted_at is null ${onlyContract}
        for update of sd skip locked
      ),
      locked as (
        update service_days sd
        set status = 'EXPECTED_CONFIRMED',
            expected_quantity_confirmed_at = ${now}::timestamptz,
            expected_quantity_confirmer_id = null
        from due
        where sd.id = due.id
        returning sd.id, sd.service_date, sd.expected_quantity, due.contract_id, due.catering_id, due.client_id
      ),
      events as (
        insert into outbox_events (aggregate_id, event_type, payload)
        select l.id, 'service_day.expected_auto_locked',
               jsonb_build_object(
                 'contractId', l.contract_id,
                 'cateringId', l.catering_id,
                 'clientId', l.client_id,
                 'actorCompanyId', null,
                 'actorUserId', null,
                 'serviceDayId', l.id,
                 'serviceDate', to_char(l.service_date, 'YYYY-MM-DD'),
                 'expectedQuantity', l.expected_quantity
               )
        from locked l
        returning 1
      )
      select count(*)::int as locked from events`,
  );
  return Number(row?.locked ?? 0);
}
