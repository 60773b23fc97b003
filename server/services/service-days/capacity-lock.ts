import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/types';
import { cateringProfiles, contracts, serviceDays } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { DomainError } from '@/server/domain/errors';

/**
 * Serialises confirmations per (caterer, date) with a transaction-scoped advisory lock, so two
 * clients confirming for the same caterer and date cannot both pass the capacity check against
 * the same old total. Key: hash of the caterer id and the date as a day number (a hash clash
 * only makes two unrelated confirmations wait for each other). Callers take these locks in
 * (caterer, date) order to avoid deadlocks.
 */
export async function lockCatererDate(tx: Transaction, cateringId: string, serviceDate: string): Promise<void> {
  await queryRows(
    tx,
    sql`select pg_advisory_xact_lock(hashtext(${cateringId}::text), (${serviceDate}::date - date '2000-01-01'))::text as locked`,
  );
}

/** The caterer's total expected quantity on a date, over all its contracts' service days. */
export async function catererTotalOn(tx: Transaction, cateringId: string, serviceDate: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum(${serviceDays.expectedQuantity}), 0)::int` })
    .from(serviceDays)
    .innerJoin(contracts, eq(contracts.id, serviceDays.contractId))
    .where(
      and(eq(contracts.cateringId, cateringId), eq(serviceDays.serviceDate, serviceDate), isNull(contracts.deletedAt)),
    );
  return Number(row?.total ?? 0);
}

export async function catererCapacity(tx: Transaction, cateringId: string): Promise<number> {
  const [row] = await tx
    .select({ dailyCapacity: cateringProfiles.dailyCapacity })
    .from(cateringProfiles)
    .where(eq(cateringProfiles.companyId, cateringId));
  if (!row) throw new DomainError('NOT_FOUND', 'Catering company not found.');
  return row.dailyCapacity;
}
