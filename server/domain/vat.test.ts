import { describe, expect, it } from 'vitest';
import { lineAmounts, vatCents } from './vat';

describe('vatCents (half-up per line)', () => {
  it('rounds half a cent up and less than half down', () => {
    expect(vatCents(1_000, 800)).toBe(80); // exact
    expect(vatCents(6_250, 800)).toBe(500); // exact
    expect(vatCents(1_006, 2_300)).toBe(231); // 231.38 → 231
    expect(vatCents(50, 1_000)).toBe(5); // exact
    expect(vatCents(5, 1_000)).toBe(1); // 0.5 → 1
    expect(vatCents(4, 1_000)).toBe(0); // 0.4 → 0
    expect(vatCents(1_875, 800)).toBe(150); // 150.0
    expect(vatCents(1_881, 800)).toBe(150); // 150.48 → 150
    expect(vatCents(1_882, 800)).toBe(151); // 150.56 → 151
  });
  it('a credit mirrors the charge it corrects', () => {
    expect(vatCents(-5, 1_000)).toBe(-1);
    expect(vatCents(-1_882, 800)).toBe(-151);
  });
  it('zero rate, zero net', () => {
    expect(vatCents(123_456, 0)).toBe(0);
    expect(vatCents(0, 2_300)).toBe(0);
  });
  it('gross = net + VAT', () => {
    expect(lineAmounts(190_500, 800)).toEqual({ netCents: 190_500, vatCents: 15_240, grossCents: 205_740 });
  });
});
