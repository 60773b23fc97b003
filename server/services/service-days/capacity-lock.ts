import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/types';
import { contracts, serviceDays } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { DomainError } from '@/server/domain/errors';

/** What a capacity check needs, read under the (caterer, date) lock. */
export interface CatererDateUnderLock {
  /** The caterer's total expected quantity on the date, over all its contracts' days. */
  totalBefore: number;
  dailyCapacity: number;
}

/**
 * Serialises confirmations per (caterer, date) with a transaction-scoped advisory lock, so two
 * clients confirming for the same caterer and date cannot both pass the capacity check against
 * the same old total; then reads that total. Key: hash of the caterer id and the date as a day
 * number (a hash clash only makes two unrelated confirmations wait for each other). Callers take
 * these locks in (caterer, date) order to avoid deadlocks.
 *
 * Two statements: the lock with the capacity (a setting, not guarded by this lock), then the
 * total, whose snapshot must be taken after the lock is granted (READ COMMITTED takes one per
 * statement), or it could miss a confirmation committed while this one waited.
 */
export async function lockCatererDate(tx: Transaction, cateringId: string, serviceDate: string): Promise<CatererDateUnderLock> {
  const [locked] = await queryRows<{ daily_capacity: number | null }>(
    tx,
    sql`select (select daily_capacity from catering_profiles where company_id = ${cateringId}::uuid) as daily_capacity
        from (select pg_advisory_xact_lock(hashtext(${cateringId}::text), (${serviceDate}::date - date '2000-01-01'))) as granted`,
  );
  if (locked?.daily_capacity == null) throw new DomainError('NOT_FOUND', 'Catering company not found.');
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum(${serviceDays.expectedQuantity}), 0)::int` })
    .from(serviceDays)
    .innerJoin(contracts, eq(contracts.id, serviceDays.contractId))
    .where(
      and(eq(contracts.cateringId, cateringId), eq(serviceDays.serviceDate, serviceDate), isNull(contracts.deletedAt)),
    );
  return { totalBefore: Number(row?.total ?? 0), dailyCapacity: Number(locked.daily_capacity) };
}
