import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { inTransaction } from '@/db/transaction';
import { serviceDays } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';
import { assertConfirmationWithinCapacity } from '@/server/domain/capacity';
import { assertCanConfirmExpected } from '@/server/domain/service-day-state';
import { resolveDietSplit } from '@/server/domain/diet-split';
import type { DietCounts } from '@/lib/diets';
import { enqueueOutboxEvents } from '@/server/outbox/enqueue';
import { contractEventPayload } from '@/server/services/contracts/events';
import { lockCatererDate } from './capacity-lock';
import { forBatchItem } from './batch-item-error';
import { lockServiceDays } from './load';
import { getServiceDays } from './views';

export interface ExpectedQuantityItem {
  id: string;
  quantity: number;
  /** Meals per special diet; undefined keeps the day's split. */
  diets?: DietCounts;
}

/**
 * The client's ADMIN/MANAGER sets the expected quantity of one or more days, all or nothing:
 * each day must be open (before its deadline, contract ACTIVE) and the quantity within the
 * contract's [min, max], its diet split of offered diets within it; per caterer and date the new total must fit the daily capacity.
 * Locks: the day rows (id order), then one advisory lock per (caterer, date) in sorted order.
 */
export async function confirmExpectedQuantities(
  db: DbOrTx,
  actor: SessionUser,
  input: { items: ExpectedQuantityItem[]; now: Date },
): Promise<ServiceDayOutput[]> {
  const { items, now } = input;
  const batch = items.length > 1;
  const ids = items.map((i) => i.id);
  await inTransaction(db, async (tx) => {
    const days = await lockServiceDays(tx, ids, { companyId: actor.companyId, side: 'CLIENT' });

    const splits = new Map<string, DietCounts>();
    items.forEach((item, index) => {
      const locked = days.get(item.id)!;
      try {
        assertCanConfirmExpected({
          status: locked.day.status,
          contractStatus: locked.contract.status,
          quantity: item.quantity,
          min: locked.contract.minDailyQuantity,
          max: locked.contract.maxQuantity,
          deadline: locked.day.confirmationDeadline,
          now,
          serviceDate: locked.day.serviceDate,
          timeZone: locked.clientTimeZone,
        });
        const split = resolveDietSplit({
          quantity: item.quantity,
          requested: item.diets,
          current: locked.day.diets,
          offered: locked.contract.dietOptions,
        });
        splits.set(item.id, split);
      } catch (error) {
        throw forBatchItem(error, index, locked, batch);
      }
    });

    // Group the changes per (caterer, date) and check each group's new total under its lock.
    const groups = new Map<string, { cateringId: string; serviceDate: string; delta: number }>();
    for (const item of items) {
      const { day, contract } = days.get(item.id)!;
      const key = `${contract.cateringId}|${day.serviceDate}`;
      const group = groups.get(key) ?? { cateringId: contract.cateringId, serviceDate: day.serviceDate, delta: 0 };
      group.delta += item.quantity - day.expectedQuantity;
      groups.set(key, group);
    }
    const ordered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
    for (const group of ordered) {
      const { totalBefore, dailyCapacity } = await lockCatererDate(tx, group.cateringId, group.serviceDate);
      assertConfirmationWithinCapacity({
        serviceDate: group.serviceDate,
        totalBefore,
        totalAfter: totalBefore + group.delta,
        capacity: dailyCapacity,
      });
    }

    // The updates and the events do not depend on each other's results: sent together (one
    // round trip on PostgreSQL); any failure still fails the whole transaction.
    await Promise.all([
      ...items.map((item) =>
        tx
          .update(serviceDays)
          .set({
            expectedQuantity: item.quantity,
            diets: splits.get(item.id)!,
            status: 'EXPECTED_CONFIRMED',
            expectedQuantityConfirmedAt: now,
            expectedQuantityConfirmerId: actor.userId,
          })
          .where(eq(serviceDays.id, item.id)),
      ),
      enqueueOutboxEvents(
        tx,
        items.map((item) => {
          const { day, contract } = days.get(item.id)!;
          return {
            type: 'service_day.expected_confirmed' as const,
            aggregateId: day.id,
            payload: contractEventPayload(contract, actor, {
              serviceDayId: day.id,
              serviceDate: day.serviceDate,
              previousQuantity: day.expectedQuantity,
              quantity: item.quantity,
              diets: splits.get(item.id)!,
            }),
          };
        }),
      ),
    ]);
  });
  return getServiceDays(db, actor, ids, now);
}
