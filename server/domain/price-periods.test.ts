import { describe, expect, it } from 'vitest';
import { alignPricePeriodsToStart, applyPriceChange, earliestPriceChangeDate, type PricePeriod } from './price-periods';

const one: PricePeriod[] = [{ from: '2026-01-01', to: null, pricePerMealCents: 1500 }];

describe('applyPriceChange', () => {
  it('ends the period in force the day before and runs the new price open-ended', () => {
    expect(applyPriceChange(one, { from: '2026-03-01', pricePerMealCents: 1700 })).toEqual([
      { from: '2026-01-01', to: '2026-02-28', pricePerMealCents: 1500 },
      { from: '2026-03-01', to: null, pricePerMealCents: 1700 },
    ]);
  });
  it('replaces periods that start on or after the change', () => {
    const scheduled = applyPriceChange(one, { from: '2026-05-01', pricePerMealCents: 1900 });
    expect(applyPriceChange(scheduled, { from: '2026-04-01', pricePerMealCents: 1800 })).toEqual([
      { from: '2026-01-01', to: '2026-03-31', pricePerMealCents: 1500 },
      { from: '2026-04-01', to: null, pricePerMealCents: 1800 },
    ]);
    expect(applyPriceChange(scheduled, { from: '2026-05-01', pricePerMealCents: 2000 })).toEqual([
      { from: '2026-01-01', to: '2026-04-30', pricePerMealCents: 1500 },
      { from: '2026-05-01', to: null, pricePerMealCents: 2000 },
    ]);
  });
  it('the price already in force is no new period: the period runs on', () => {
    expect(applyPriceChange(one, { from: '2026-03-01', pricePerMealCents: 1500 })).toEqual(one);
    const scheduled = applyPriceChange(one, { from: '2026-05-01', pricePerMealCents: 1900 });
    // Cancelling a scheduled change: the old price again from that date.
    expect(applyPriceChange(scheduled, { from: '2026-05-01', pricePerMealCents: 1500 })).toEqual(one);
  });
  it('a change on the first date replaces the first price', () => {
    expect(applyPriceChange(one, { from: '2026-01-01', pricePerMealCents: 1600 })).toEqual([
      { from: '2026-01-01', to: null, pricePerMealCents: 1600 },
    ]);
  });
  it('never leaves a gap or an overlap', () => {
    let periods = one;
    for (const [from, price] of [['2026-06-10', 1], ['2026-02-03', 2], ['2026-09-01', 3], ['2026-02-04', 4]] as const) {
      periods = applyPriceChange(periods, { from, pricePerMealCents: price });
    }
    for (let i = 1; i < periods.length; i += 1) {
      const previousEnd = periods[i - 1]!.to!;
      expect(new Date(`${previousEnd}T00:00:00Z`).getTime() + 86_400_000).toBe(new Date(`${periods[i]!.from}T00:00:00Z`).getTime());
    }
    expect(periods.at(-1)!.to).toBeNull();
  });
});

describe('earliestPriceChangeDate', () => {
  it("is the client's today, or the start date of a contract not yet started", () => {
    expect(earliestPriceChangeDate({ clientToday: '2026-03-10', startDate: '2026-01-01' })).toBe('2026-03-10');
    expect(earliestPriceChangeDate({ clientToday: '2026-03-10', startDate: '2026-04-01' })).toBe('2026-04-01');
  });
});

describe('alignPricePeriodsToStart', () => {
  it('an earlier start date extends the first period back', () => {
    expect(alignPricePeriodsToStart(one, '2025-12-01')).toEqual([{ from: '2025-12-01', to: null, pricePerMealCents: 1500 }]);
  });
  it('a later start date keeps the periods (days before it keep their price)', () => {
    expect(alignPricePeriodsToStart(one, '2026-02-01')).toEqual(one);
  });
});
