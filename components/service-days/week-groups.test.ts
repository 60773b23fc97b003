import { describe, expect, it } from 'vitest';
import { groupByWeek } from './week-groups';

describe('groupByWeek', () => {
  it('starts weeks on Monday and keeps order', () => {
    const days = ['2026-11-22', '2026-11-23', '2026-11-27', '2026-11-29', '2026-11-30'].map((serviceDate) => ({ serviceDate }));
    expect(groupByWeek(days).map((g) => [g.weekStart, g.items.map((d) => d.serviceDate)])).toEqual([
      ['2026-11-16', ['2026-11-22']],
      ['2026-11-23', ['2026-11-23', '2026-11-27', '2026-11-29']],
      ['2026-11-30', ['2026-11-30']],
    ]);
  });

  it('returns no groups for no days', () => {
    expect(groupByWeek([])).toEqual([]);
  });
});
