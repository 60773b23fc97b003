import { and, asc, eq, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import type { DbOrTx, Transaction } from '@/db/types';
import { idsPlaceholder } from '@/db/rows';
import { preparedQuery } from '@/db/prepared';
import { contractPrices } from '@/db/schema';
import type { PricePeriod } from '@/server/domain/price-periods';

/**
 * The SQL condition "this contract_prices row is the period in force on the day": a plain range
 * join on the stored period ends (server/domain/price-periods.ts writes them), used by every
 * query that prices service days. Pass the day's contract id and date (columns or raw aliases).
 */
export function pricePeriodCovers(dayContractId: SQL | Column, dayDate: SQL | Column): SQL {
  return sql`(${contractPrices.contractId} = ${dayContractId} and ${contractPrices.validFrom} <= ${dayDate}
    and (${contractPrices.validTo} is null or ${contractPrices.validTo} >= ${dayDate}))`;
}

/** The price periods of the given contracts, each list ordered by its first date. */
export async function loadPricePeriods(db: DbOrTx, contractIds: readonly string[]): Promise<Map<string, PricePeriod[]>> {
  const byContract = new Map<string, PricePeriod[]>();
  if (contractIds.length === 0) return byContract;
  const byIds = idsPlaceholder(contractPrices.contractId, [...new Set(contractIds)]);
  const periods = preparedQuery(db, `price_periods:${byIds.shape}`, (handle) =>
    handle
      .select({
        contractId: contractPrices.contractId,
        from: contractPrices.validFrom,
        to: contractPrices.validTo,
        pricePerMealCents: contractPrices.pricePerMealCents,
      })
      .from(contractPrices)
      .where(byIds.where)
      .orderBy(asc(contractPrices.contractId), asc(contractPrices.validFrom))
      .prepare(`price_periods_${byIds.shape}`),
  );
  for (const { contractId, ...period } of await periods.execute({ ids: byIds.ids })) {
    const list = byContract.get(contractId);
    if (list) list.push(period);
    else byContract.set(contractId, [period]);
  }
  return byContract;
}

/**
 * Stores a contract's new periods over its old ones: rows that are gone are deleted, rows whose
 * end or price moved are updated, new ones inserted (a period is known by its first date).
 */
export async function savePricePeriods(
  tx: Transaction,
  contractId: string,
  before: readonly PricePeriod[],
  after: readonly PricePeriod[],
  createdById: string | null,
): Promise<void> {
  const afterByFrom = new Map(after.map((p) => [p.from, p]));
  const beforeByFrom = new Map(before.map((p) => [p.from, p]));
  const gone = before.filter((p) => !afterByFrom.has(p.from)).map((p) => p.from);
  if (gone.length > 0) {
    await tx.delete(contractPrices).where(and(eq(contractPrices.contractId, contractId), inArray(contractPrices.validFrom, gone)));
  }
  for (const period of after) {
    const old = beforeByFrom.get(period.from);
    if (!old) {
      await tx.insert(contractPrices).values({
        contractId,
        validFrom: period.from,
        validTo: period.to,
        pricePerMealCents: period.pricePerMealCents,
        createdById,
      });
    } else if (old.to !== period.to || old.pricePerMealCents !== period.pricePerMealCents) {
      await tx
        .update(contractPrices)
        .set({ validTo: period.to, pricePerMealCents: period.pricePerMealCents })
        .where(and(eq(contractPrices.contractId, contractId), eq(contractPrices.validFrom, period.from)));
    }
  }
}
