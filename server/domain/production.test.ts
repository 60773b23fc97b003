import { describe, expect, it } from 'vitest';
import { productionStatus, productionTotals } from './production';

const now = new Date('2026-03-02T10:00:00Z');
const ahead = new Date('2026-03-03T10:00:00Z');
const past = new Date('2026-03-02T09:00:00Z');

describe('productionStatus', () => {
  it('a person’s confirmation, a lock at the deadline, or still open', () => {
    expect(productionStatus({ status: 'EXPECTED_CONFIRMED', autoLocked: false, deadline: ahead, now })).toBe('CONFIRMED');
    expect(productionStatus({ status: 'EXPECTED_CONFIRMED', autoLocked: true, deadline: past, now })).toBe('LOCKED');
    expect(productionStatus({ status: 'PENDING', autoLocked: false, deadline: ahead, now })).toBe('OPEN');
    // Past its deadline but not swept yet: already locked at its count.
    expect(productionStatus({ status: 'PENDING', autoLocked: false, deadline: past, now })).toBe('LOCKED');
    expect(productionStatus({ status: 'SERVED_CONFIRMED', autoLocked: false, deadline: past, now })).toBe('CONFIRMED');
  });
});

describe('productionTotals', () => {
  it('adds meals, diets and statuses across clients; standard is what is left', () => {
    const totals = productionTotals([
      { total: 120, diets: { VEGETARIAN: 14, GLUTEN_FREE: 6 }, status: 'CONFIRMED' },
      { total: 40, diets: { VEGETARIAN: 4, HALAL: 3 }, status: 'LOCKED' },
      { total: 25, diets: {}, status: 'OPEN' },
    ]);
    expect(totals).toEqual({
      meals: 185,
      standard: 158,
      diets: { VEGETARIAN: 18, GLUTEN_FREE: 6, HALAL: 3 },
      byStatus: { CONFIRMED: 120, LOCKED: 40, OPEN: 25 },
    });
  });

  it('an empty day is all zeros', () => {
    expect(productionTotals([])).toEqual({ meals: 0, standard: 0, diets: {}, byStatus: { CONFIRMED: 0, LOCKED: 0, OPEN: 0 } });
  });
});
