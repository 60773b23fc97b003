import { dietTotal, normaliseDiets, type DietCounts } from '@/lib/diets';
import { DIETS, PRODUCTION_STATUSES, type ProductionStatus, type ServiceDayStatus } from '@/lib/enums';

/**
 * How sure the kitchen can be of a day's count: confirmed by a person, locked at the deadline
 * (no one confirmed it in time), or still open (the count is an estimate and may change).
 * A PENDING day whose deadline has passed is locked even before the sweep has marked it.
 */
export function productionStatus(day: {
  status: ServiceDayStatus;
  /** The expected count was fixed by the deadline sweep, not by a person. */
  autoLocked: boolean;
  deadline: Date;
  now: Date;
}): ProductionStatus {
  if (day.status === 'PENDING') return day.deadline.getTime() <= day.now.getTime() ? 'LOCKED' : 'OPEN';
  return day.autoLocked ? 'LOCKED' : 'CONFIRMED';
}

export interface ProductionLine {
  total: number;
  diets: DietCounts;
  status: ProductionStatus;
}

export interface ProductionTotals {
  meals: number;
  standard: number;
  diets: DietCounts;
  /** Meals per status: how much of the total is settled. */
  byStatus: Record<ProductionStatus, number>;
}

/** The kitchen's totals for a day: all meals, standard meals, meals per diet and per status. */
export function productionTotals(lines: readonly ProductionLine[]): ProductionTotals {
  const diets: Partial<Record<(typeof DIETS)[number], number>> = {};
  const byStatus = Object.fromEntries(PRODUCTION_STATUSES.map((s) => [s, 0])) as Record<ProductionStatus, number>;
  let meals = 0;
  let special = 0;
  for (const line of lines) {
    meals += line.total;
    special += dietTotal(line.diets);
    byStatus[line.status] += line.total;
    for (const diet of DIETS) {
      const count = line.diets[diet];
      if (count) diets[diet] = (diets[diet] ?? 0) + count;
    }
  }
  return { meals, standard: meals - special, diets: normaliseDiets(diets), byStatus };
}
