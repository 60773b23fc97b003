import { allQueries } from '@/db/concurrent';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import { inTransaction } from '@/db/transaction';
import type { SessionUser } from '@/server/domain/actor';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';
import { assertConfirmationWithinCapacity } from '@/server/domain/capacity';
import { assertCanConfirmExpected } from '@/server/domain/service-day-state';
import { resolveDietSplit } from '@/server/domain/diet-split';
import type { DietCounts } from '@/lib/diets';
import { enqueueOutboxEvents } from '@/server/outbox/enqueue';
import { contractEventPayload } from '@/server/services/contracts/events';
import { catererDateTotalsSql, lockCatererDateCapacity, type CatererDate, type CatererDateTotal } from './capacity-lock';
import { forBatchItem } from './batch-item-error';
import { loadViewExtras, lockServiceDayViewRows, toServiceDayViews } from './views';

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
  return inTransaction(db, async (tx) => {
    // Read as the answer shows them: the answer is these rows with the change applied.
    const days = await lockServiceDayViewRows(tx, actor, ids);

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

    // The change per (caterer, date), each group's lock taken in key order (with the view's
    // extras, which need no lock, sent alongside).
    const groups = new Map<string, CatererDate & { delta: number; capacity: number }>();
    for (const item of items) {
      const { day, contract } = days.get(item.id)!;
      const key = `${contract.cateringId}|${day.serviceDate}`;
      const group = groups.get(key) ?? { cateringId: contract.cateringId, serviceDate: day.serviceDate, delta: 0, capacity: 0 };
      group.delta += item.quantity - day.expectedQuantity;
      groups.set(key, group);
    }
    const ordered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
    const [extras] = await allQueries([
      loadViewExtras(tx, [...days.values()], now),
      (async () => {
        for (const group of ordered) group.capacity = await lockCatererDateCapacity(tx, group.cateringId, group.serviceDate);
      })(),
    ]);

    // One statement writes every day and reads each group's total as it was before the write,
    // in a snapshot taken after the locks; the events go in the same round trip. Over capacity,
    // the throw rolls both back.
    const changes = items.map((item) => ({ id: item.id, quantity: item.quantity, diets: splits.get(item.id)! }));
    const [totals] = await allQueries([
      queryRows<CatererDateTotal>(
        tx,
        sql`
          with changed as (
            update service_days sd
            set expected_quantity = r.quantity, diets = r.diets, status = 'EXPECTED_CONFIRMED',
                expected_quantity_confirmed_at = ${now.toISOString()}::timestamptz, expected_quantity_confirmer_id = ${actor.userId}::uuid
            from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as r(id uuid, quantity int, diets jsonb)
            where sd.id = r.id
          )
          ${catererDateTotalsSql(ordered)}`,
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
    for (const group of ordered) {
      const totalBefore = Number(totals.find((t) => t.catering_id === group.cateringId && t.service_date === group.serviceDate)?.total ?? 0);
      assertConfirmationWithinCapacity({
        serviceDate: group.serviceDate,
        totalBefore,
        totalAfter: totalBefore + group.delta,
        capacity: group.capacity,
      });
    }

    const confirmed = items.map((item) => {
      const row = days.get(item.id)!;
      return {
        ...row,
        day: {
          ...row.day,
          expectedQuantity: item.quantity,
          diets: splits.get(item.id)!,
          status: 'EXPECTED_CONFIRMED' as const,
          expectedQuantityConfirmedAt: now,
          expectedQuantityConfirmerId: actor.userId,
        },
      };
    });
    return toServiceDayViews(confirmed, extras, actor, now);
  });
}
