import { describe, expect, it } from 'vitest';
import { weekContaining } from '@/lib/dates';
import { buildProductionPlan, summarizeCostedDays, totalsByCurrency } from './report-aggregates';

describe('weekContaining', () => {
  it('runs Monday to Sunday', () => {
    expect(weekContaining('2026-03-04')).toEqual({ from: '2026-03-02', to: '2026-03-08' }); // Wednesday
    expect(weekContaining('2026-03-02')).toEqual({ from: '2026-03-02', to: '2026-03-08' }); // Monday
    expect(weekContaining('2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-08' }); // Sunday
  });
  it('crosses month and year ends', () => {
    expect(weekContaining('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });
});

describe('summarizeCostedDays', () => {
  it('keeps served costs and estimates apart and adds them up', () => {
    const totals = summarizeCostedDays([
      { expectedQuantity: 10, servedQuantity: 9, costCents: 900, costIsEstimate: false },
      { expectedQuantity: 12, servedQuantity: null, costCents: 1200, costIsEstimate: true },
      { expectedQuantity: 5, servedQuantity: 7, costCents: 700, costIsEstimate: false },
    ]);
    expect(totals).toEqual({
      days: 3,
      expectedMeals: 27,
      servedMeals: 16,
      servedCostCents: 1600,
      estimatedCostCents: 1200,
      totalCostCents: 2800,
      isEstimate: true,
    });
  });
  it('is zero and not an estimate for no days', () => {
    expect(summarizeCostedDays([])).toMatchObject({ days: 0, totalCostCents: 0, isEstimate: false });
  });
});

describe('totalsByCurrency', () => {
  it('never adds amounts of different currencies', () => {
    expect(
      totalsByCurrency([
        { currency: 'PLN', servedCostCents: 100, estimatedCostCents: 50, totalCostCents: 150 },
        { currency: 'EUR', servedCostCents: 10, estimatedCostCents: 0, totalCostCents: 10 },
        { currency: 'PLN', servedCostCents: 1, estimatedCostCents: 2, totalCostCents: 3 },
      ]),
    ).toEqual([
      { currency: 'EUR', servedCostCents: 10, estimatedCostCents: 0, totalCostCents: 10 },
      { currency: 'PLN', servedCostCents: 101, estimatedCostCents: 52, totalCostCents: 153 },
    ]);
  });
});

describe('buildProductionPlan', () => {
  it('lists every date, stacks meals per client, keeps confirmed / locked / open apart and computes utilisation', () => {
    const plan = buildProductionPlan(['2026-03-02', '2026-03-03', '2026-03-04'], 200, [
      { date: '2026-03-02', clientId: 'a', meals: 100, status: 'CONFIRMED' },
      { date: '2026-03-02', clientId: 'b', meals: 50, status: 'LOCKED' },
      { date: '2026-03-04', clientId: 'a', meals: 200, status: 'OPEN' },
      { date: '2026-03-04', clientId: 'a', meals: 50, status: 'CONFIRMED' },
      { date: '2026-03-09', clientId: 'a', meals: 5, status: 'OPEN' }, // outside the plan
    ]);
    expect(plan).toEqual([
      { date: '2026-03-02', totalMeals: 150, utilisation: 0.75, byClient: { a: 100, b: 50 }, byStatus: { CONFIRMED: 100, LOCKED: 50, OPEN: 0 } },
      { date: '2026-03-03', totalMeals: 0, utilisation: 0, byClient: {}, byStatus: { CONFIRMED: 0, LOCKED: 0, OPEN: 0 } },
      { date: '2026-03-04', totalMeals: 250, utilisation: 1.25, byClient: { a: 250 }, byStatus: { CONFIRMED: 50, LOCKED: 0, OPEN: 200 } },
    ]);
  });
});
