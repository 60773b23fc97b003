import { weekdayName } from '@/lib/dates';
import { DomainError } from './errors';

export interface CapacityCheckInput {
  capacity: number; // the caterer's daily_capacity
  serviceDays: number[]; // ISO weekdays of the contract being created/resumed/edited
  defaultQuantity: number;
  // The caterer's other ACTIVE contracts (exclude the one being edited or resumed).
  otherActiveContracts: { defaultQuantity: number; serviceDays: number[] }[];
}

export interface CapacityConflict {
  dayOfWeek: number;
  total: number;
  capacity: number;
}

/** The first ISO weekday (Monday first) on which planned defaults would exceed capacity. */
export function findCapacityConflict(input: CapacityCheckInput): CapacityConflict | null {
  const { capacity, serviceDays, defaultQuantity, otherActiveContracts } = input;
  const days = [...new Set(serviceDays)].sort((a, b) => a - b);
  for (const dayOfWeek of days) {
    const others = otherActiveContracts
      .filter((c) => c.serviceDays.includes(dayOfWeek))
      .reduce((sum, c) => sum + c.defaultQuantity, 0);
    const total = others + defaultQuantity;
    if (total > capacity) return { dayOfWeek, total, capacity };
  }
  return null;
}

export function assertWithinCapacity(input: CapacityCheckInput): void {
  const conflict = findCapacityConflict(input);
  if (conflict) {
    throw new DomainError(
      'CONFLICT',
      `Capacity exceeded on ${weekdayName(conflict.dayOfWeek)}: ${conflict.total} meals planned, daily capacity is ${conflict.capacity}.`,
    );
  }
}

/**
 * Capacity at confirmation: the caterer's total expected quantity on one date, after the
 * change, must not exceed its daily capacity. The caller computes `total` under a lock.
 */
export function assertDateWithinCapacity(input: { serviceDate: string; total: number; capacity: number }): void {
  const { serviceDate, total, capacity } = input;
  if (total > capacity) {
    throw new DomainError(
      'CONFLICT',
      `Capacity exceeded on ${serviceDate}: ${total} meals expected in total, daily capacity is ${capacity}.`,
    );
  }
}

/**
 * Capacity when a client confirms: the caterer's total on that date after the change may not
 * exceed capacity. A change that does not raise the total is always allowed, so a client can
 * still lower its quantity on a date that is already over capacity (e.g. after a capacity cut).
 */
export function assertConfirmationWithinCapacity(input: {
  serviceDate: string;
  totalBefore: number;
  totalAfter: number;
  capacity: number;
}): void {
  const { serviceDate, totalBefore, totalAfter, capacity } = input;
  if (totalAfter <= totalBefore) return;
  assertDateWithinCapacity({ serviceDate, total: totalAfter, capacity });
}
