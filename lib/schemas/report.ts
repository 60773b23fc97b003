import { z } from 'zod';
import { MAX_EXPORT_RANGE_DAYS, MAX_REPORT_RANGE_DAYS } from '@/lib/limits';
import { checkDateRange, dateSchema, uuidSchema } from './common';
import { contractStatusSchema } from './contract';
import { serviceDayStatusSchema } from './service-day';

function dateRangeInput(maxDays: number) {
  return z
    .object({ contractId: uuidSchema, from: dateSchema('The start date'), to: dateSchema('The end date') })
    .superRefine((range, ctx) => checkDateRange(range, ctx, maxDays));
}

export const weeklyReportInput = dateRangeInput(MAX_REPORT_RANGE_DAYS);
export type WeeklyReportInput = z.output<typeof weeklyReportInput>;
export const exportServiceDaysInput = dateRangeInput(MAX_EXPORT_RANGE_DAYS);
export type ExportServiceDaysInput = z.output<typeof exportServiceDaysInput>;

const cents = z.number().int();

/**
 * Cost of one contract over a period. Served days cost served × price; days not yet served are
 * an estimate (expected × price). Amounts are in `currency` (the caterer's).
 */
export const contractCostSchema = z.object({
  contractId: z.uuid(),
  contractStatus: contractStatusSchema,
  /** The other party: the caterer for a client, the client for a caterer. */
  counterpartName: z.string(),
  currency: z.string().length(3),
  pricePerMealCents: cents,
  /** Service days in the period (0 for a contract without days in it). */
  days: z.number().int(),
  expectedMeals: z.number().int(),
  servedMeals: z.number().int(),
  servedCostCents: cents,
  estimatedCostCents: cents,
  /** Days in the period whose cost is still an estimate. */
  estimatedDays: z.number().int(),
  totalCostCents: cents,
});
export type ContractCost = z.output<typeof contractCostSchema>;

/** Sum over contracts billed in one currency. */
export const currencyTotalSchema = z.object({
  currency: z.string().length(3),
  servedCostCents: cents,
  estimatedCostCents: cents,
  totalCostCents: cents,
});
export type CurrencyTotal = z.output<typeof currencyTotalSchema>;

const periodSchema = z.object({ from: z.string(), to: z.string() });

/** Last month's meals ordered but not served on one contract: the sum over its served days of expected − served (never below 0 a day). */
export const unservedContractSchema = z.object({
  contractId: z.uuid(),
  counterpartName: z.string(),
  currency: z.string().length(3),
  /** Days with a served count in the period. */
  days: z.number().int(),
  expectedMeals: z.number().int(),
  servedMeals: z.number().int(),
  unservedMeals: z.number().int(),
  /** The unserved meals at each day's price. */
  unservedCostCents: cents,
});
export const unservedSchema = z.object({
  /** The calendar month before today's, on the viewer's clock. */
  period: periodSchema,
  /** Contracts with meals ordered but not served, most meals first. */
  byContract: z.array(unservedContractSchema),
  totals: z.array(z.object({ currency: z.string().length(3), unservedMeals: z.number().int(), unservedCostCents: cents })),
});
export type Unserved = z.output<typeof unservedSchema>;

export const pendingDaySchema = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  cateringName: z.string(),
  serviceDate: z.string(),
  expectedQuantity: z.number().int(),
  minDailyQuantity: z.number().int(),
  maxQuantity: z.number().int(),
  /** Confirmations are accepted strictly before this instant. */
  deadline: z.date(),
});
export type PendingDay = z.output<typeof pendingDaySchema>;

export const dailyMealsSchema = z.object({
  date: z.string(),
  expected: z.number().int(),
  /** Null until some of that day's meals are confirmed as served. */
  served: z.number().int().nullable(),
});

export const clientDashboardSchema = z.object({
  companyType: z.literal('CLIENT'),
  timeZone: z.string(),
  today: z.string(),
  /** False for read-only users (they see the days but cannot confirm). */
  canConfirm: z.boolean(),
  /** PENDING days whose deadline has not passed, soonest deadline first. */
  pendingDays: z.array(pendingDaySchema),
  costPeriod: periodSchema,
  /** Last month's meals ordered but not served, and what they cost. */
  unserved: unservedSchema,
  costByContract: z.array(contractCostSchema),
  costTotals: z.array(currencyTotalSchema),
  /** Expected vs served meals per date over the cost period and the next week. */
  mealsByDay: z.array(dailyMealsSchema),
});
export type ClientDashboard = z.output<typeof clientDashboardSchema>;

export const productionDaySchema = z.object({
  date: z.string(),
  totalMeals: z.number().int(),
  /** totalMeals / capacity (1 = full). */
  utilisation: z.number(),
  /** Meals per client id. */
  byClient: z.record(z.string(), z.number().int()),
  /** Of totalMeals: CONFIRMED by a person, LOCKED at the deadline, OPEN (still an estimate). */
  byStatus: z.object({ CONFIRMED: z.number().int(), LOCKED: z.number().int(), OPEN: z.number().int() }),
});
export type ProductionDay = z.output<typeof productionDaySchema>;

export const catererDayRefSchema = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  clientName: z.string(),
  serviceDate: z.string(),
  expectedQuantity: z.number().int(),
  servedQuantity: z.number().int().nullable(),
});

export const openDisputeSchema = catererDayRefSchema.extend({
  disputeReason: z.string(),
  disputedAt: z.date().nullable(),
});

export const catererDashboardSchema = z.object({
  companyType: z.literal('CATERING'),
  timeZone: z.string(),
  today: z.string(),
  currency: z.string().length(3),
  dailyCapacity: z.number().int(),
  productionPlan: z.object({
    clients: z.array(z.object({ clientId: z.uuid(), clientName: z.string() })),
    days: z.array(productionDaySchema),
  }),
  /** Days delivered (service date reached in the client's zone) without a served count. */
  awaitingServed: z.object({ count: z.number().int(), oldest: z.array(catererDayRefSchema) }),
  openDisputes: z.array(openDisputeSchema),
  revenuePeriod: periodSchema,
  /** Last month's meals ordered but not served, and what they were worth. */
  unserved: unservedSchema,
  revenueByContract: z.array(contractCostSchema),
  revenueTotals: z.array(currencyTotalSchema),
});
export type CatererDashboard = z.output<typeof catererDashboardSchema>;

export const dashboardOutput = z.discriminatedUnion('companyType', [clientDashboardSchema, catererDashboardSchema]);
export type DashboardOutput = z.output<typeof dashboardOutput>;

export const reportRowSchema = z.object({
  id: z.uuid(),
  serviceDate: z.string(),
  dayOfWeek: z.number().int().min(1).max(7),
  status: serviceDayStatusSchema,
  expectedQuantity: z.number().int(),
  servedQuantity: z.number().int().nullable(),
  originalServedQuantity: z.number().int().nullable(),
  costCents: cents,
  costIsEstimate: z.boolean(),
  disputeReason: z.string().nullable(),
});
export type ReportRow = z.output<typeof reportRowSchema>;

export const reportTotalsSchema = z.object({
  days: z.number().int(),
  expectedMeals: z.number().int(),
  servedMeals: z.number().int(),
  servedCostCents: cents,
  estimatedCostCents: cents,
  totalCostCents: cents,
  /** True when any day's cost in the range is still an estimate. */
  isEstimate: z.boolean(),
});
export type ReportTotals = z.output<typeof reportTotalsSchema>;

export const weeklyReportOutput = z.object({
  contract: z.object({
    id: z.uuid(),
    status: contractStatusSchema,
    cateringName: z.string(),
    clientName: z.string(),
    currency: z.string().length(3),
    pricePerMealCents: cents,
    clientTimeZone: z.string(),
  }),
  from: z.string(),
  to: z.string(),
  rows: z.array(reportRowSchema),
  totals: reportTotalsSchema,
});
export type WeeklyReportOutput = z.output<typeof weeklyReportOutput>;
