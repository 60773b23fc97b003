import { describe, expect, it } from 'vitest';
import { describeSuggestion, median, suggestQuantity } from './suggested-quantity';

describe('suggestQuantity', () => {
  it('is the median of the last 8 same-weekday served counts, clamped to [min, max]', () => {
    expect(suggestQuantity({ servedCounts: [104, 98, 110], min: 10, max: 200 })).toBe(104);
    expect(suggestQuantity({ servedCounts: [104, 98, 110, 90], min: 10, max: 200 })).toBe(101);
    // Only the newest 8 count.
    expect(suggestQuantity({ servedCounts: [10, 10, 10, 10, 10, 10, 10, 10, 500, 500, 500, 500, 500], min: 1, max: 999 })).toBe(10);
    expect(suggestQuantity({ servedCounts: [300, 310, 320], min: 10, max: 160 })).toBe(160);
    expect(suggestQuantity({ servedCounts: [2, 3, 4], min: 10, max: 160 })).toBe(10);
  });

  it('is null with fewer than 3 data points', () => {
    expect(suggestQuantity({ servedCounts: [], min: 10, max: 200 })).toBeNull();
    expect(suggestQuantity({ servedCounts: [100, 120], min: 10, max: 200 })).toBeNull();
  });

  it('median rounds a half meal up', () => {
    expect(median([1, 2])).toBe(2);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('describeSuggestion', () => {
  it('says why: the counts, the weekday, the median (and the clamp when it applied)', () => {
    expect(describeSuggestion({ servedCounts: [104, 98, 110, 90, 101, 99, 97, 120], dayOfWeek: 1, suggested: 100 })).toBe(
      'Served 104, 98, 110 … on the last 8 Mondays (median 100).',
    );
    expect(describeSuggestion({ servedCounts: [300, 310, 320], dayOfWeek: 3, suggested: 160 })).toBe(
      "Served 300, 310, 320 on the last 3 Wednesdays (median 310, within the contract's limits: 160).",
    );
  });
});
