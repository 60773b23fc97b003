import { describe, expect, it } from 'vitest';
import { serviceDayCostCents, totalCostCents } from './cost';

const price = 1250;

describe('serviceDayCostCents', () => {
  it('uses the served quantity once served is confirmed', () => {
    expect(
      serviceDayCostCents({ status: 'SERVED_CONFIRMED', expectedQuantity: 40, servedQuantity: 38, pricePerMealCents: price }),
    ).toEqual({ cents: 38 * price, isEstimate: false });
  });

  it('keeps using the confirmed served quantity while disputed', () => {
    expect(
      serviceDayCostCents({ status: 'DISPUTED', expectedQuantity: 40, servedQuantity: 0, pricePerMealCents: price }),
    ).toEqual({ cents: 0, isEstimate: false });
  });

  it.each(['PENDING', 'EXPECTED_CONFIRMED'] as const)('estimates from the expected quantity when %s', (status) => {
    expect(serviceDayCostCents({ status, expectedQuantity: 40, servedQuantity: null, pricePerMealCents: price })).toEqual({
      cents: 40 * price,
      isEstimate: true,
    });
  });

  it('a cancelled day costs nothing, whatever its quantities', () => {
    expect(serviceDayCostCents({ status: 'CANCELLED', expectedQuantity: 40, servedQuantity: null, pricePerMealCents: price })).toEqual({
      cents: 0,
      isEstimate: false,
    });
  });

  it('estimates when a served status has no served quantity', () => {
    expect(
      serviceDayCostCents({ status: 'SERVED_CONFIRMED', expectedQuantity: 40, servedQuantity: null, pricePerMealCents: price }),
    ).toEqual({ cents: 40 * price, isEstimate: true });
  });

  it('ignores a stray served quantity on a day not yet served-confirmed', () => {
    expect(
      serviceDayCostCents({ status: 'EXPECTED_CONFIRMED', expectedQuantity: 40, servedQuantity: 10, pricePerMealCents: price }),
    ).toEqual({ cents: 40 * price, isEstimate: true });
  });
});

describe('totalCostCents', () => {
  it('sums days and is an estimate if any day is', () => {
    const served = { status: 'SERVED_CONFIRMED' as const, expectedQuantity: 10, servedQuantity: 9, pricePerMealCents: 100 };
    const pending = { status: 'PENDING' as const, expectedQuantity: 10, servedQuantity: null, pricePerMealCents: 100 };
    expect(totalCostCents([served, served])).toEqual({ cents: 1800, isEstimate: false });
    expect(totalCostCents([served, pending])).toEqual({ cents: 1900, isEstimate: true });
    expect(totalCostCents([])).toEqual({ cents: 0, isEstimate: false });
  });
});
