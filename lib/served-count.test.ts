import { describe, expect, it } from 'vitest';
import { describeServedOutlier, servedCountOutlier } from './served-count';

const day = { expectedQuantity: 127, maxQuantity: 160 };

describe('servedCountOutlier', () => {
  it('the 999-for-127 typo is above the maximum', () => {
    const outlier = servedCountOutlier({ ...day, quantity: 999 });
    expect(outlier).toEqual({ kind: 'ABOVE_MAX', maxQuantity: 160 });
    expect(describeServedOutlier(999, outlier!)).toBe("Served 999 — that is above the contract's maximum of 160.");
  });
  it('the maximum itself and anything from half the expected up are plausible', () => {
    expect(servedCountOutlier({ ...day, quantity: 160 })).toBeNull();
    expect(servedCountOutlier({ ...day, quantity: 64 })).toBeNull(); // 64 ≥ 63.5
    expect(servedCountOutlier({ expectedQuantity: 100, maxQuantity: 160, quantity: 50 })).toBeNull(); // exactly half
  });
  it('under half of the expected quantity is an outlier', () => {
    expect(servedCountOutlier({ ...day, quantity: 63 })).toEqual({ kind: 'BELOW_HALF_EXPECTED', expectedQuantity: 127 });
    expect(servedCountOutlier({ ...day, quantity: 0 })).toEqual({ kind: 'BELOW_HALF_EXPECTED', expectedQuantity: 127 });
    expect(describeServedOutlier(12, { kind: 'BELOW_HALF_EXPECTED', expectedQuantity: 127 })).toBe(
      'Served 12 — that is less than half of the 127 meals expected.',
    );
  });
  it('nothing expected: zero served is no outlier', () => {
    expect(servedCountOutlier({ expectedQuantity: 0, maxQuantity: 10, quantity: 0 })).toBeNull();
  });
});
