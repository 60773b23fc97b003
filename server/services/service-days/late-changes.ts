import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { serviceDays } from '@/db/schema';
import type { DietCounts } from '@/lib/diets';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';
import type { SessionUser } from '@/server/domain/actor';
import { assertConfirmationWithinCapacity } from '@/server/domain/capacity';
import { deliveryInstant } from '@/server/domain/deadline';
import { resolveDietSplit } from '@/server/domain/diet-split';
import { DomainError } from '@/server/domain/errors';
import { answerChangeRefusal, assertCanRequestChange, lateRemovedMeals } from '@/server/domain/late-change';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { contractEventPayload } from '@/server/services/contracts/events';
import { toHhMm } from '@/lib/dates';
import { autoLockedEvent } from './auto-lock';
import { lockCatererDate } from './capacity-lock';
import { lockServiceDay, type ServiceDayRow } from './load';
import { getServiceDays } from './views';

/** A request of this day still waits for an answer. */
export const hasOpenChange = (day: Pick<ServiceDayRow, 'changeRequestedAt' | 'changeOutcome'>) =>
  day.changeRequestedAt !== null && day.changeOutcome === null;

/**
 * The client's ADMIN/MANAGER asks for a late change of a day's count (and split), from the
 * deadline until the delivery time, one open request per day. A PENDING day past its deadline
 * is locked first at its count, as the auto-lock sweep would have done. The caterer is told.
 */
export async function requestLateChange(
  db: DbOrTx,
  actor: SessionUser,
  input: { id: string; quantity: number; diets?: DietCounts; reason: string; now: Date },
): Promise<ServiceDayOutput> {
  const { id, quantity, now } = input;
  await db.transaction(async (tx) => {
    const { day, contract, clientTimeZone } = await lockServiceDay(tx, id, { companyId: actor.companyId, side: 'CLIENT' });
    const deliveryAt = () => deliveryInstant(day.serviceDate, toHhMm(contract.deliveryTime), clientTimeZone).toJSDate();
    const reason = assertCanRequestChange({
      status: day.status,
      contractStatus: contract.status,
      deadline: day.confirmationDeadline,
      deliveryAt,
      now,
      openRequest: hasOpenChange(day),
      serviceDate: day.serviceDate,
      timeZone: clientTimeZone,
      quantity,
      current: day.expectedQuantity,
      min: contract.minDailyQuantity,
      max: contract.maxQuantity,
      reason: input.reason,
    });
    const diets = resolveDietSplit({ quantity, requested: input.diets, current: day.diets, offered: contract.dietOptions });
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
        changeRequestedQuantity: quantity,
        changeRequestedDiets: diets,
        changeReason: reason,
        changeRequestedAt: now,
        changeRequestedById: actor.userId,
        changePreviousQuantity: day.expectedQuantity,
        changeOutcome: null,
        changeAnsweredAt: null,
        changeAnsweredById: null,
        changeAnswerNote: null,
      })
      .where(eq(serviceDays.id, id));
    await enqueueOutboxEvent(tx, {
      type: 'service_day.change_requested',
      aggregateId: id,
      payload: contractEventPayload(contract, actor, {
        serviceDayId: id,
        serviceDate: day.serviceDate,
        previousQuantity: day.expectedQuantity,
        quantity,
        diets,
        reason,
      }),
    });
  });
  const [view] = await getServiceDays(db, actor, [id], now);
  return view!;
}

/**
 * The caterer's ADMIN/MANAGER answers a day's open change request. Accepting applies the
 * count and split, checked against the daily capacity under the (caterer, date) lock as every
 * confirmation is; meals it removes are recorded for the late reduction charge. Who and when
 * are recorded; the client is told.
 */
export async function answerLateChange(
  db: DbOrTx,
  actor: SessionUser,
  input: { id: string; accept: boolean; note?: string; now: Date },
): Promise<ServiceDayOutput> {
  const { id, accept, now } = input;
  const note = input.note?.trim() || null;
  await db.transaction(async (tx) => {
    const { day, contract } = await lockServiceDay(tx, id, { companyId: actor.companyId, side: 'CATERING' });
    const refusal = answerChangeRefusal({ openRequest: hasOpenChange(day), serviceDate: day.serviceDate });
    if (refusal) throw new DomainError('CONFLICT', refusal());
    const quantity = day.changeRequestedQuantity!;
    if (accept) {
      const { totalBefore, dailyCapacity } = await lockCatererDate(tx, contract.cateringId, day.serviceDate);
      assertConfirmationWithinCapacity({
        serviceDate: day.serviceDate,
        totalBefore,
        totalAfter: totalBefore + quantity - day.expectedQuantity,
        capacity: dailyCapacity,
      });
    }
    await tx
      .update(serviceDays)
      .set({
        ...(accept
          ? {
              expectedQuantity: quantity,
              diets: day.changeRequestedDiets ?? day.diets,
              lateRemovedMeals: sql`${serviceDays.lateRemovedMeals} + ${lateRemovedMeals(day.expectedQuantity, quantity)}`,
            }
          : {}),
        changeOutcome: accept ? 'ACCEPTED' : 'DECLINED',
        changeAnsweredAt: now,
        changeAnsweredById: actor.userId,
        changeAnswerNote: note,
      })
      .where(eq(serviceDays.id, id));
    await enqueueOutboxEvent(tx, {
      type: 'service_day.change_answered',
      aggregateId: id,
      payload: contractEventPayload(contract, actor, {
        serviceDayId: id,
        serviceDate: day.serviceDate,
        accepted: accept,
        previousQuantity: day.expectedQuantity,
        quantity,
        note,
      }),
    });
  });
  const [view] = await getServiceDays(db, actor, [id], now);
  return view!;
}
