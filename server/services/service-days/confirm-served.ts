import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { serviceDays } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';
import { localToday } from '@/lib/dates';
import { assertCanConfirmServed, assertCanCorrectServed } from '@/server/domain/service-day-state';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { contractEventPayload } from '@/server/services/contracts/events';
import { autoLockedEvent } from './auto-lock';
import { keepFirstServedCount } from './first-served-count';
import { lockServiceDay } from './load';
import { getServiceDays } from './views';

/**
 * The caterer's ADMIN/MANAGER confirms how many meals it served, on or after the service date
 * (client's local date). An outlier (above the maximum, under half the expected) needs
 * `confirmOutlier`. A PENDING day past its deadline is first locked at its expected
 * quantity, with the same event the auto-lock sweep would have written.
 */
export async function confirmServedQuantity(
  db: DbOrTx,
  actor: SessionUser,
  input: { id: string; quantity: number; confirmOutlier?: boolean; now: Date },
): Promise<ServiceDayOutput> {
  const { id, quantity, confirmOutlier, now } = input;
  await db.transaction(async (tx) => {
    const { day, contract, clientTimeZone } = await lockServiceDay(tx, id, {
      companyId: actor.companyId,
      side: 'CATERING',
    });
    assertCanConfirmServed({
      status: day.status,
      serviceDate: day.serviceDate,
      clientToday: localToday(now, clientTimeZone),
      deadline: day.confirmationDeadline,
      now,
      quantity,
      expectedQuantity: day.expectedQuantity,
      maxQuantity: contract.maxQuantity,
      confirmOutlier,
      timeZone: clientTimeZone,
    });
    if (day.status === 'PENDING') {
      await tx
        .update(serviceDays)
        .set({ status: 'EXPECTED_CONFIRMED', expectedQuantityConfirmedAt: now, expectedQuantityConfirmerId: null })
        .where(eq(serviceDays.id, id));
      await enqueueOutboxEvent(tx, autoLockedEvent(contract, day));
    }
    await tx
      .update(serviceDays)
      .set({
        status: 'SERVED_CONFIRMED',
        servedQuantity: quantity,
        servedQuantityConfirmedAt: now,
        servedQuantityConfirmerId: actor.userId,
      })
      .where(eq(serviceDays.id, id));
    await enqueueOutboxEvent(tx, {
      type: 'service_day.served_confirmed',
      aggregateId: id,
      payload: contractEventPayload(contract, actor, {
        serviceDayId: day.id,
        serviceDate: day.serviceDate,
        expectedQuantity: day.expectedQuantity,
        servedQuantity: quantity,
      }),
    });
  });
  const [view] = await getServiceDays(db, actor, [id], now);
  return view!;
}

/**
 * The caterer's ADMIN/MANAGER corrects its own served count within 24 hours of confirming it,
 * unless the client disputed it. The first count stays in original_served_quantity, the note
 * says why; the client is told.
 */
export async function correctServedQuantity(
  db: DbOrTx,
  actor: SessionUser,
  input: { id: string; quantity: number; note: string; now: Date },
): Promise<ServiceDayOutput> {
  const { id, quantity, now } = input;
  await db.transaction(async (tx) => {
    const { day, contract } = await lockServiceDay(tx, id, { companyId: actor.companyId, side: 'CATERING' });
    const { note } = assertCanCorrectServed({
      status: day.status,
      servedQuantity: day.servedQuantity,
      servedConfirmedAt: day.servedQuantityConfirmedAt,
      now,
      quantity,
      note: input.note,
    });
    await tx
      .update(serviceDays)
      .set({
        originalServedQuantity: keepFirstServedCount,
        servedQuantity: quantity,
        servedCorrectionNote: note,
        servedCorrectedAt: now,
        servedCorrectedById: actor.userId,
      })
      .where(eq(serviceDays.id, id));
    await enqueueOutboxEvent(tx, {
      type: 'service_day.served_corrected',
      aggregateId: id,
      payload: contractEventPayload(contract, actor, {
        serviceDayId: id,
        serviceDate: day.serviceDate,
        previousServedQuantity: day.servedQuantity ?? 0,
        servedQuantity: quantity,
        note,
      }),
    });
  });
  const [view] = await getServiceDays(db, actor, [id], now);
  return view!;
}
