import { allQueries } from '@/db/concurrent';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { inTransaction } from '@/db/transaction';
import { serviceDays } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';
import { localToday } from '@/lib/dates';
import { assertCanConfirmServed, assertCanCorrectServed } from '@/server/domain/service-day-state';
import { enqueueOutboxEvent, enqueueOutboxEvents, type NewOutboxEvent } from '@/server/outbox/enqueue';
import { contractEventPayload } from '@/server/services/contracts/events';
import { autoLockedEvent } from './auto-lock';
import { keepFirstServedCount } from './first-served-count';
import { forBatchItem } from './batch-item-error';
import { lockServiceDay, lockServiceDays } from './load';
import { getServiceDays } from './views';

export interface ServedQuantityItem {
  id: string;
  quantity: number;
  /** Says yes to an outlier count (above the maximum, under half the expected). */
  confirmOutlier?: boolean;
}

/**
 * The caterer's ADMIN/MANAGER confirms how many meals it served, on or after the service date
 * (client's local date), for one day or many at once (a date's grid), all or nothing: every
 * item passes the one served-count rule (assertCanConfirmServed, with `confirmOutlier` per
 * item) or nothing is written, and a refused item is named (`items.N.quantity`). A PENDING day
 * past its deadline is first locked at its expected quantity, with the same event the
 * auto-lock sweep would have written. Locks the day rows in id order.
 */
export async function confirmServedQuantities(
  db: DbOrTx,
  actor: SessionUser,
  input: { items: ServedQuantityItem[]; now: Date },
): Promise<ServiceDayOutput[]> {
  const { items, now } = input;
  const batch = items.length > 1;
  const ids = items.map((i) => i.id);
  await inTransaction(db, async (tx) => {
    const days = await lockServiceDays(tx, ids, { companyId: actor.companyId, side: 'CATERING' });
    items.forEach((item, index) => {
      const locked = days.get(item.id)!;
      const { day, contract, clientTimeZone } = locked;
      try {
        assertCanConfirmServed({
          status: day.status,
          serviceDate: day.serviceDate,
          clientToday: localToday(now, clientTimeZone),
          deadline: day.confirmationDeadline,
          now,
          quantity: item.quantity,
          expectedQuantity: day.expectedQuantity,
          maxQuantity: contract.maxQuantity,
          confirmOutlier: item.confirmOutlier,
          timeZone: clientTimeZone,
        });
      } catch (error) {
        throw forBatchItem(error, index, locked, batch);
      }
    });
    // A day still PENDING at its served count is locked at its deadline first (its own event);
    // the updates and the events do not depend on each other's results, so they are sent
    // together (one round trip on PostgreSQL); any failure still fails the whole transaction.
    const events: NewOutboxEvent[] = [];
    const updates = items.map((item) => {
      const { day, contract } = days.get(item.id)!;
      const autoLock = day.status === 'PENDING';
      if (autoLock) events.push(autoLockedEvent(contract, day));
      events.push({
        type: 'service_day.served_confirmed',
        aggregateId: item.id,
        payload: contractEventPayload(contract, actor, {
          serviceDayId: day.id,
          serviceDate: day.serviceDate,
          expectedQuantity: day.expectedQuantity,
          servedQuantity: item.quantity,
        }),
      });
      return tx
        .update(serviceDays)
        .set({
          ...(autoLock ? { expectedQuantityConfirmedAt: now, expectedQuantityConfirmerId: null } : {}),
          status: 'SERVED_CONFIRMED',
          servedQuantity: item.quantity,
          servedQuantityConfirmedAt: now,
          servedQuantityConfirmerId: actor.userId,
          // A late change still waiting is closed: the served count settles the day.
          ...(day.changeRequestedAt !== null && day.changeOutcome === null
            ? { changeOutcome: 'CLOSED', changeAnsweredAt: now, changeAnsweredById: actor.userId }
            : {}),
        })
        .where(eq(serviceDays.id, item.id));
    });
    await allQueries([...updates, enqueueOutboxEvents(tx, events)]);
  });
  return getServiceDays(db, actor, ids, now);
}

/** One day's served count: the same rule as a batch of one. */
export async function confirmServedQuantity(
  db: DbOrTx,
  actor: SessionUser,
  input: ServedQuantityItem & { now: Date },
): Promise<ServiceDayOutput> {
  const { now, ...item } = input;
  const [view] = await confirmServedQuantities(db, actor, { items: [item], now });
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
