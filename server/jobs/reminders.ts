import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';

/** Days whose confirmation deadline falls within this window get a reminder. */
export const REMINDER_WINDOW_HOURS = 24;

/**
 * Confirmation reminders: for every client with PENDING days whose deadline falls within the
 * next 24 hours and that were not reminded yet, ONE `service_day.confirmation_due` event listing
 * those days (the digest, sent as email and in-app). reminder_sent_at is set in the same
 * statement as the event insert, so a day is never reminded twice, and concurrent runs skip
 * each other's rows (SKIP LOCKED).
 */
export async function sendConfirmationReminders(db: DbOrTx, options: { now: Date }) {
  const now = options.now.toISOString();
  const [row] = await queryRows<{ days: number; digests: number }>(
    db,
    sql`
      with due as (
        select sd.id, sd.contract_id, sd.service_date, c.client_id, c.catering_id, sd.confirmation_deadline as deadline
        from service_days sd
        join contracts c on c.id = sd.contract_id and c.status = 'ACTIVE' and c.deleted_at is null
        join companies cl on cl.id = c.client_id and cl.deleted_at is null
        where sd.status = 'PENDING' and sd.reminder_sent_at is null
          and sd.confirmation_deadline > ${now}::timestamptz
          and sd.confirmation_deadline <= ${now}::timestamptz + make_interval(hours => ${REMINDER_WINDOW_HOURS})
        for update of sd skip locked
      ),
      marked as (
        update service_days s set reminder_sent_at = ${now}::timestamptz
        from due where s.id = due.id and s.reminder_sent_at is null
        returning s.id
      ),
      events as (
        insert into outbox_events (aggregate_id, event_type, payload)
        select due.client_id, 'service_day.confirmation_due',
               jsonb_build_object(
                 'clientId', due.client_id,
                 'actorCompanyId', null,
                 'actorUserId', null,
                 'days', jsonb_agg(
                   jsonb_build_object(
                     'serviceDayId', due.id,
                     'contractId', due.contract_id,
                     'cateringId', due.catering_id,
                     'serviceDate', to_char(due.service_date, 'YYYY-MM-DD'),
                     'deadline', to_char(due.deadline at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                   ) order by due.deadline, due.service_date)
               )
        from due join marked on marked.id = due.id
        group by due.client_id
        returning 1
      )
      select (select count(*) from marked)::int as days, (select count(*) from events)::int as digests`,
  );
  return { remindedDays: Number(row?.days ?? 0), reminderDigests: Number(row?.digests ?? 0) };
}
