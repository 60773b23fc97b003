import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { serviceDays } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';
import { assertCanDispute, assertCanResolveDispute } from '@/server/domain/service-day-state';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { contractEventPayload } from '@/server/services/contracts/events';
import { keepFirstServedCount } from './first-served-count';
import { lockServiceDay } from './load';
import { getServiceDays } from './views';

/** The client's ADMIN/MANAGER disputes a served count within the dispute window. */
export async function disputeServedQuantity(
  db: DbOrTx,
  actor: SessionUser,
  input: { id: string; reason: string; now: Date },
): Promise<ServiceDayOutput> {
  const { id, now } = input;
  await db.transaction(async (tx) => {
    const { day, contract } = await lockServiceDay(tx, id, { companyId: actor.companyId, side: 'CLIENT' });
    const { reason } = assertCanDispute({
      status: day.status,
      servedConfirmedAt: day.servedQuantityConfirmedAt,
      now,
      reason: input.reason,
    });
    await tx
      .update(serviceDays)
      .set({
        status: 'DISPUTED',
        disputeReason: reason,
        disputedAt: now,
        disputedById: actor.userId,
        // A new dispute of a resolved day starts without the previous resolution.
        disputeResolutionNote: null,
        disputeResolvedAt: null,
        disputeResolvedById: null,
      })
      .where(eq(serviceDays.id, id));
    await enqueueOutboxEvent(tx, {
      type: 'service_day.disputed',
      aggregateId: id,
      payload: contractEventPayload(contract, actor, {
        serviceDayId: id,
        serviceDate: day.serviceDate,
        servedQuantity: day.servedQuantity,
        reason,
      }),
    });
  });
  const [view] = await getServiceDays(db, actor, [id], now);
  return view!;
}

/**
 * The caterer's ADMIN resolves a dispute with a corrected served count and a note. The first
 * confirmed count is kept in original_served_quantity (never overwritten by a later dispute).
 */
export async function resolveServedDispute(
  db: DbOrTx,
  actor: SessionUser,
  input: { id: string; servedQuantity: number; note: string; now: Date },
): Promise<ServiceDayOutput> {
  const { id, servedQuantity, now } = input;
  await db.transaction(async (tx) => {
    const { day, contract } = await lockServiceDay(tx, id, { companyId: actor.companyId, side: 'CATERING' });
    const { note } = assertCanResolveDispute({ status: day.status, servedQuantity, note: input.note });
    await tx
      .update(serviceDays)
      .set({
        status: 'SERVED_CONFIRMED',
        originalServedQuantity: keepFirstServedCount,
        servedQuantity,
        disputeResolutionNote: note,
        disputeResolvedAt: now,
        disputeResolvedById: actor.userId,
      })
      .where(eq(serviceDays.id, id));
    await enqueueOutboxEvent(tx, {
      type: 'service_day.dispute_resolved',
      aggregateId: id,
      payload: contractEventPayload(contract, actor, {
        serviceDayId: id,
        serviceDate: day.serviceDate,
        previousServedQuantity: day.servedQuantity,
        originalServedQuantity: day.originalServedQuantity ?? day.servedQuantity,
        servedQuantity,
        note,
      }),
    });
  });
  const [view] = await getServiceDays(db, actor, [id], now);
  return view!;
}
