import { and, asc, between, eq, sql } from 'drizzle-orm';
import { allQueries } from '@/db/concurrent';
import { preparedQuery } from '@/db/prepared';
import type { DbOrTx } from '@/db/types';
import { contractPrices, contracts, serviceDays } from '@/db/schema';
import { pricePeriodCovers } from '@/server/services/contracts/prices';
import type { SessionUser } from '@/server/domain/actor';
import type { ReportRow, WeeklyReportInput, WeeklyReportOutput } from '@/lib/schemas/report';
import { serviceDayCostCents } from '@/server/domain/cost';
import { summarizeCostedDays } from '@/server/domain/report-aggregates';
import { partyOf } from '@/server/services/contracts/views';
import { loadReportContract } from './report-contract';

/**
 * One contract's service days between two dates (inclusive) with their costs and totals.
 * The range is capped by the input schema, so the rows are few (at most a year of days).
 */
export async function weeklyReport(db: DbOrTx, viewer: SessionUser, input: WeeklyReportInput): Promise<WeeklyReportOutput> {
  const { contractId, from, to } = input;
  const inRange = preparedQuery(db, 'weekly_report_days', (handle) =>
    handle
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
      // Scoped to the viewer's contracts on its own, as it runs beside the contract's check.
      .innerJoin(contracts, and(eq(contracts.id, serviceDays.contractId), partyOf(sql.placeholder('viewer'))))
      .where(and(eq(serviceDays.contractId, sql.placeholder('contractId')), between(serviceDays.serviceDate, sql.placeholder('from'), sql.placeholder('to'))))
      .orderBy(asc(serviceDays.serviceDate))
      .prepare('weekly_report_days'),
  );
  // One round trip: the contract (NOT_FOUND for a non-party) and its days are read together.
  const [contract, days] = await allQueries([
    loadReportContract(db, viewer, contractId),
    inRange.execute({ contractId, from, to, viewer: viewer.companyId }),
  ]);
  const rows: ReportRow[] = days.map(({ pricePerMealCents, ...day }) => {
    const cost = serviceDayCostCents({ ...day, pricePerMealCents });
    return { ...day, costCents: cost.cents, costIsEstimate: cost.isEstimate };
  });
  return { contract, from, to, rows, totals: summarizeCostedDays(rows) };
}
