import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import { enqueueOutboxEvents, type NewOutboxEvent } from '@/server/outbox/enqueue';

/** Days whose confirmation deadline falls within this window get a reminder. */
export const REMINDER_WINDOW_HOURS = 24;

type RemindedDay = {
  id: string;
  contract_id: string;
  catering_id: string;
  client_id: string;
  service_date: string;
  deadline: Date | string;
};

/**
 * Confirmation reminders: for every client with PENDING days whose deadline falls within the
 * next 24 hours and that were not reminded yet, ONE `service_day.confirmation_due` event listing
 * those days (the digest, sent as email and in-app). reminder_sent_at is set and the digests are
 * enqueued in one transaction, so a day is never reminded twice, and concurrent runs skip each
 * other's rows (SKIP LOCKED).
 */
export async function sendConfirmationReminders(db: DbOrTx, options: { now: Date }) {
  const now = options.now.toISOString();
  return db.transaction(async (tx) => {
    const days = await queryRows<RemindedDay>(
      tx,
      sql`
        with due as (
          select sd.id, sd.contract_id, c.client_id, c.catering_id
          from service_days sd
          join contracts c on c.id = sd.contract_id and c.status = 'ACTIVE' and c.deleted_at is null
          join companies cl on cl.id = c.client_id and cl.deleted_at is null
          where sd.status = 'PENDING' and sd.reminder_sent_at is null
            and sd.confirmation_deadline > ${now}::timestamptz
            and sd.confirmation_deadline <= ${now}::timestamptz + make_interval(hours => ${REMINDER_WINDOW_HOURS})
          for update of sd skip locked
        )
        update service_days s set reminder_sent_at = ${now}::timestamptz
        from due where s.id = due.id and s.reminder_sent_at is null
        returning s.id, due.contract_id, due.catering_id, due.client_id,
          to_char(s.service_date, 'YYYY-MM-DD') as service_date, s.confirmation_deadline as deadline`,
    );
    const byClient = new Map<string, RemindedDay[]>();
    for (const day of days) byClient.set(day.client_id, [...(byClient.get(day.client_id) ?? []), day]);
    const digests = [...byClient].map(([clientId, due]): NewOutboxEvent => {
      const listed = due
        .map((d) => ({ ...d, deadline: new Date(d.deadline) }))
        .sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || a.service_date.localeCompare(b.service_date));
      return {
        type: 'service_day.confirmation_due',
        aggregateId: clientId,
        payload: {
          clientId,
          actorCompanyId: null,
          actorUserId: null,
          days: listed.map((d) => ({
            serviceDayId: d.id,
            contractId: d.contract_id,
            cateringId: d.catering_id,
            serviceDate: d.service_date,
            deadline: d.deadline.toISOString(),
          })),
        },
      };
    });
    await enqueueOutboxEvents(tx, digests);
    return { remindedDays: days.length, reminderDigests: digests.length };
  });
}
