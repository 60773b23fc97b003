import { sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '@/db/types';
import { queryRows, sqlArray } from '@/db/rows';
import type { ServiceDayStatus } from '@/lib/enums';
import type { SessionUser } from '@/server/domain/actor';
import { isOpenForCount } from '@/server/domain/service-day-state';
import { enqueueOutboxEvents, type NewOutboxEvent } from '@/server/outbox/enqueue';
import { contractEventPayload } from '@/server/services/contracts/events';

export type AffectedDay = { serviceDayId: string; contractId: string; serviceDate: string; status: ServiceDayStatus };

/**
 * Cancels the company's service days on the closed dates (`closed`: a condition on alias sd,
 * the service day) of its contracts (or of one), in the caller's transaction: PENDING and
 * EXPECTED_CONFIRMED days whose deadline is ahead become CANCELLED (kept, expected 0 so no
 * total counts them, the reason stored), one `service_day.cancelled` event per contract to
 * the other party. The days that stay (deadline passed, served) are returned as `kept`.
 */
export async function cancelClosedDays(
  tx: Transaction,
  actor: SessionUser,
  scope: { closed: SQL; contractId?: string; reason: string; closureId: string | null; now: Date },
): Promise<{ cancelled: AffectedDay[]; kept: AffectedDay[] }> {
  const { closed, contractId, reason, closureId, now } = scope;
  const rows = await queryRows<{
    id: string;
    contract_id: string;
    catering_id: string;
    client_id: string;
    service_date: string;
    status: ServiceDayStatus;
    confirmation_deadline: string | Date;
  }>(
    tx,
    sql`select sd.id, sd.contract_id, c.catering_id, c.client_id, to_char(sd.service_date, 'YYYY-MM-DD') as service_date,
          sd.status, sd.confirmation_deadline
        from service_days sd
        join contracts c on c.id = sd.contract_id
        where ${actor.companyId}::uuid in (c.client_id, c.catering_id) and c.deleted_at is null
          ${contractId ? sql`and c.id = ${contractId}::uuid` : sql``}
          and sd.status <> 'CANCELLED' and (${closed})
        order by sd.service_date, sd.id
        for update of sd`,
  );
  const affected = rows.map((r) => ({
    row: r,
    day: { serviceDayId: r.id, contractId: r.contract_id, serviceDate: r.service_date, status: r.status },
    // A closure cancels the days whose count is still open (not served, deadline ahead).
    cancel: isOpenForCount({ status: r.status, deadline: new Date(r.confirmation_deadline) }, now),
  }));
  const cancel = affected.filter((a) => a.cancel);
  if (cancel.length > 0) {
    await tx.execute(sql`
      update service_days set status = 'CANCELLED', expected_quantity = 0, cancelled_at = ${now.toISOString()}::timestamptz,
        cancellation_reason = ${reason}
      where id = any(${sqlArray(cancel.map((a) => a.row.id), 'uuid')})`);
    const byContract = new Map<string, typeof cancel>();
    for (const a of cancel) byContract.set(a.row.contract_id, [...(byContract.get(a.row.contract_id) ?? []), a]);
    const events: NewOutboxEvent[] = [...byContract.entries()].map(([id, days]) => ({
      type: 'service_day.cancelled',
      aggregateId: id,
      payload: contractEventPayload({ id, cateringId: days[0]!.row.catering_id, clientId: days[0]!.row.client_id }, actor, {
        closureId,
        reason,
        days: days.map((d) => ({ serviceDayId: d.row.id, serviceDate: d.row.service_date })),
      }),
    }));
    await enqueueOutboxEvents(tx, events);
  }
  return {
    cancelled: cancel.map((a) => ({ ...a.day, status: 'CANCELLED' as const })),
    kept: affected.filter((a) => !a.cancel).map((a) => a.day),
  };
}
