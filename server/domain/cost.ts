import type { ServiceDayStatus } from '@/lib/enums';

export interface ServiceDayCostInput {
  status: ServiceDayStatus;
  expectedQuantity: number;
  servedQuantity: number | null;
  pricePerMealCents: number;
}

export interface Cost {
  cents: number;
  isEstimate: boolean; // true until the caterer has confirmed what was served
}

/**
 * Served × price once served is confirmed (a DISPUTED day keeps its confirmed count until the
 * dispute is resolved); a cancelled day costs nothing; otherwise expected × price, flagged as
 * an estimate.
 */
export function serviceDayCostCents(input: ServiceDayCostInput): Cost {
  const { status, expectedQuantity, servedQuantity, pricePerMealCents } = input;
  if (status === 'CANCELLED') return { cents: 0, isEstimate: false };
  const servedConfirmed = status === 'SERVED_CONFIRMED' || status === 'DISPUTED';
  if (servedConfirmed && servedQuantity !== null && servedQuantity !== undefined) {
    return { cents: servedQuantity * pricePerMealCents, isEstimate: false };
  }
  return { cents: expectedQuantity * pricePerMealCents, isEstimate: true };
}

/** Sum of several days; an estimate if any day in it is. */
export function totalCostCents(days: ServiceDayCostInput[]): Cost {
  return days.reduce<Cost>(
    (total, day) => {
      const cost = serviceDayCostCents(day);
      return { cents: total.cents + cost.cents, isEstimate: total.isEstimate || cost.isEstimate };
    },
    { cents: 0, isEstimate: false },
  );
}
