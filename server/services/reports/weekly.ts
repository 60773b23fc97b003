import { and, asc, between, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { contractPrices, serviceDays } from '@/db/schema';
import { pricePeriodCovers } from '@/server/services/contracts/prices';
import type { SessionUser } from '@/server/domain/actor';
import type { ReportRow, WeeklyReportInput, WeeklyReportOutput } from '@/lib/schemas/report';
import { serviceDayCostCents } from '@/server/domain/cost';
import { summarizeCostedDays } from '@/server/domain/report-aggregates';
import { loadReportContract } from './report-contract';

/**
 * One contract's service days between two dates (inclusive) with their costs and totals.
 * The range is capped by the input schema, so the rows are few (at most a year of days).
 */
export async function weeklyReport(db: DbOrTx, viewer: SessionUser, input: WeeklyReportInput): Promise<WeeklyReportOutput> {
  const { contractId, from, to } = input;
  const contract = await loadReportContract(db, viewer, contractId);
  const days = await db
    .select({
      id: serviceDays.id,
      serviceDate: serviceDays.serviceDate,
      dayOfWeek: serviceDays.dayOfWeek,
      status: serviceDays.status,
      expectedQuantity: serviceDays.expectedQuantity,
      servedQuantity: serviceDays.servedQuantity,
      originalServedQuantity: serviceDays.originalServedQuantity,
      disputeReason: serviceDays.disputeReason,
      pricePerMealCents: contractPrices.pricePerMealCents,
    })
    .from(serviceDays)
    .innerJoin(contractPrices, pricePeriodCovers(serviceDays.contractId, serviceDays.serviceDate))
    .where(and(eq(serviceDays.contractId, contractId), between(serviceDays.serviceDate, from, to)))
    .orderBy(asc(serviceDays.serviceDate));
  const rows: ReportRow[] = days.map(({ pricePerMealCents, ...day }) => {
    const cost = serviceDayCostCents({ ...day, pricePerMealCents });
    return { ...day, costCents: cost.cents, costIsEstimate: cost.isEstimate };
  });
  return { contract, from, to, rows, totals: summarizeCostedDays(rows) };
}
