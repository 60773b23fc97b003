import type { ProductionStatus } from '@/lib/enums';
export interface CostedDay {
  expectedQuantity: number;
  servedQuantity: number | null;
  costCents: number;
  costIsEstimate: boolean;
}

export interface CostTotals {
  days: number;
  expectedMeals: number;
  servedMeals: number;
  servedCostCents: number;
  estimatedCostCents: number;
  totalCostCents: number;
  isEstimate: boolean;
}

/** Totals of a report's days: served costs and estimates are kept apart, and summed. */
export function summarizeCostedDays(days: readonly CostedDay[]): CostTotals {
  const totals: CostTotals = {
    days: days.length,
    expectedMeals: 0,
    servedMeals: 0,
    servedCostCents: 0,
    estimatedCostCents: 0,
    totalCostCents: 0,
    isEstimate: false,
  };
  for (const day of days) {
    totals.expectedMeals += day.expectedQuantity;
    if (day.costIsEstimate) {
      totals.estimatedCostCents += day.costCents;
      totals.isEstimate = true;
    } else {
      totals.servedMeals += day.servedQuantity ?? 0;
      totals.servedCostCents += day.costCents;
    }
    totals.totalCostCents += day.costCents;
  }
  return totals;
}

export interface CurrencyAmounts {
  currency: string;
  servedCostCents: number;
  estimatedCostCents: number;
  totalCostCents: number;
}

/**
 * Sums per currency: a client may buy from caterers billing in different currencies, and
 * amounts in different currencies are never added together. Ordered by currency code.
 */
export function totalsByCurrency(items: readonly CurrencyAmounts[]): CurrencyAmounts[] {
  const sums = new Map<string, CurrencyAmounts>();
  for (const item of items) {
    const sum = sums.get(item.currency) ?? { currency: item.currency, servedCostCents: 0, estimatedCostCents: 0, totalCostCents: 0 };
    sum.servedCostCents += item.servedCostCents;
    sum.estimatedCostCents += item.estimatedCostCents;
    sum.totalCostCents += item.totalCostCents;
    sums.set(item.currency, sum);
  }
  return [...sums.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export interface PlannedMeals {
  date: string;
  clientId: string;
  meals: number;
  /** How settled these meals are (server/domain/production.ts). */
  status: ProductionStatus;
}

export interface ProductionPlanDay {
  date: string;
  totalMeals: number;
  utilisation: number;
  byClient: Record<string, number>;
  /** Of totalMeals: confirmed by a person, locked at the deadline, still open (estimated). */
  byStatus: Record<ProductionStatus, number>;
}

/**
 * One entry per date of the plan (dates without meals included, at zero), each with its meals
 * per client and the share of the daily capacity they use.
 */
export function buildProductionPlan(dates: readonly string[], capacity: number, planned: readonly PlannedMeals[]): ProductionPlanDay[] {
  const byDate = new Map<string, ProductionPlanDay>(
    dates.map((date) => [date, { date, totalMeals: 0, utilisation: 0, byClient: {}, byStatus: { CONFIRMED: 0, LOCKED: 0, OPEN: 0 } }]),
  );
  for (const { date, clientId, meals, status } of planned) {
    const day = byDate.get(date);
    if (!day || meals === 0) continue;
    day.byClient[clientId] = (day.byClient[clientId] ?? 0) + meals;
    day.byStatus[status] += meals;
    day.totalMeals += meals;
  }
  for (const day of byDate.values()) day.utilisation = capacity > 0 ? day.totalMeals / capacity : 0;
  return [...byDate.values()];
}
