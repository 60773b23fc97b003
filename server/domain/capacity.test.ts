import { describe, expect, it } from 'vitest';
import {
  assertConfirmationWithinCapacity,
  assertDateWithinCapacity,
  assertWithinCapacity,
  findCapacityConflict,
} from './capacity';

const others = [
  { defaultQuantity: 50, serviceDays: [1, 2, 3] },
  { defaultQuantity: 30, serviceDays: [3, 4] },
];

describe('findCapacityConflict', () => {
  it('allows a total exactly at capacity', () => {
    // Wednesday: 50 + 30 + 40 = 120.
    expect(findCapacityConflict({ capacity: 120, serviceDays: [3], defaultQuantity: 40, otherActiveContracts: others })).toBeNull();
  });

  it('reports one meal over capacity', () => {
    expect(findCapacityConflict({ capacity: 120, serviceDays: [3], defaultQuantity: 41, otherActiveContracts: others })).toEqual({
      dayOfWeek: 3,
      total: 121,
      capacity: 120,
    });
  });

  it('only counts other contracts serving the same weekday', () => {
    // Friday: nobody else serves; Monday: only the first contract (50).
    expect(findCapacityConflict({ capacity: 100, serviceDays: [5], defaultQuantity: 100, otherActiveContracts: others })).toBeNull();
    expect(findCapacityConflict({ capacity: 100, serviceDays: [1, 5], defaultQuantity: 51, otherActiveContracts: others })).toEqual({
      dayOfWeek: 1,
      total: 101,
      capacity: 100,
    });
  });

  it('returns the first conflicting weekday in Monday-first order, whatever the input order', () => {
    // Tuesday: 50 + 45 = 95; Wednesday: 125; Thursday: 75. Capacity 90 → Tuesday first.
    expect(
      findCapacityConflict({ capacity: 90, serviceDays: [4, 3, 2], defaultQuantity: 45, otherActiveContracts: others }),
    ).toEqual({ dayOfWeek: 2, total: 95, capacity: 90 });
  });

  it('works with no other contracts', () => {
    expect(findCapacityConflict({ capacity: 10, serviceDays: [1], defaultQuantity: 10, otherActiveContracts: [] })).toBeNull();
    expect(findCapacityConflict({ capacity: 10, serviceDays: [1], defaultQuantity: 11, otherActiveContracts: [] })).not.toBeNull();
  });
});

describe('assertWithinCapacity', () => {
  it('throws CONFLICT naming the weekday, total and capacity', () => {
    expect(() =>
      assertWithinCapacity({
        capacity: 120,
        serviceDays: [3],
        defaultQuantity: 50,
        otherActiveContracts: others,
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'Capacity exceeded on Wednesday: 130 meals planned, daily capacity is 120.',
      }),
    );
  });

  it('passes at the limit', () => {
    expect(() =>
      assertWithinCapacity({ capacity: 120, serviceDays: [3], defaultQuantity: 40, otherActiveContracts: others }),
    ).not.toThrow();
  });
});

describe('assertDateWithinCapacity', () => {
  it('allows the total at capacity and rejects one over', () => {
    expect(() => assertDateWithinCapacity({ serviceDate: '2026-03-30', total: 120, capacity: 120 })).not.toThrow();
    expect(() => assertDateWithinCapacity({ serviceDate: '2026-03-30', total: 121, capacity: 120 })).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'Capacity exceeded on 2026-03-30: 121 meals expected in total, daily capacity is 120.',
      }),
    );
  });
});

describe('assertConfirmationWithinCapacity', () => {
  it('allows a raise up to exactly the capacity', () => {
    expect(() =>
      assertConfirmationWithinCapacity({ serviceDate: '2026-04-01', totalBefore: 90, totalAfter: 100, capacity: 100 }),
    ).not.toThrow();
  });

  it('refuses a raise one meal over capacity, naming the date and the numbers', () => {
    expect(() =>
      assertConfirmationWithinCapacity({ serviceDate: '2026-04-01', totalBefore: 90, totalAfter: 101, capacity: 100 }),
    ).toThrow(/2026-04-01: 101 meals expected in total, daily capacity is 100/);
  });

  it('always allows lowering (or keeping) a total that is already over capacity', () => {
    expect(() =>
      assertConfirmationWithinCapacity({ serviceDate: '2026-04-01', totalBefore: 130, totalAfter: 120, capacity: 100 }),
    ).not.toThrow();
    expect(() =>
      assertConfirmationWithinCapacity({ serviceDate: '2026-04-01', totalBefore: 130, totalAfter: 130, capacity: 100 }),
    ).not.toThrow();
  });
});
