import type { ContractStatus, ServiceDayStatus } from '@/lib/enums';
import { formatInstant, isBeforeDeadline } from './deadline';
import { DomainError } from './errors';
import type { Refusal } from './service-day-state';

/**
 * Late changes: after a day's confirmation deadline the client can no longer set its count, but
 * until the delivery time its ADMIN/MANAGER may ask the caterer for a change ("five more
 * tomorrow"); the caterer accepts (capacity permitting) or declines. One open request per day.
 */

export interface LateChangeState {
  status: ServiceDayStatus;
  contractStatus: ContractStatus;
  deadline: Date;
  /**
   * The day's delivery instant (service date at the delivery time, client's clock). A function:
   * it is a time-zone conversion, needed only once the earlier checks pass (a list of served days
   * never needs it).
   */
  deliveryAt: () => Date;
  now: Date;
  /** A request of this day still waits for the caterer's answer. */
  openRequest: boolean;
  serviceDate?: string;
  timeZone?: string;
}

/** Why the client may not ask for a late change of this day now (a message built on read), or null. */
export function requestChangeRefusal(state: LateChangeState): Refusal {
  const { status, contractStatus, deadline, deliveryAt, now, openRequest, serviceDate, timeZone } = state;
  const day = serviceDate ?? 'this day';
  if (contractStatus !== 'ACTIVE') return () => `This contract is ${contractStatus.toLowerCase()}, so no change can be asked for.`;
  if (status !== 'PENDING' && status !== 'EXPECTED_CONFIRMED') {
    return () => `The count for ${day} can no longer be changed: ${status === 'CANCELLED' ? 'the day is cancelled' : 'it has been served'}.`;
  }
  if (isBeforeDeadline(now, deadline)) {
    return () => `The deadline for ${day} has not passed yet (${formatInstant(deadline, timeZone)}): change the count yourself.`;
  }
  const delivery = deliveryAt();
  if (now.getTime() >= delivery.getTime()) {
    return () => `The delivery time of ${day} (${formatInstant(delivery, timeZone)}) has passed, so a change can no longer be asked for.`;
  }
  if (openRequest) return () => `A change for ${day} is already waiting for the caterer's answer.`;
  return null;
}

/** The client's ADMIN/MANAGER may ask for a late change to a count within the contract's limits. */
export function assertCanRequestChange(
  state: LateChangeState & { quantity: number; current: number; min: number; max: number; reason: string },
): string {
  const refusal = requestChangeRefusal(state);
  if (refusal) throw new DomainError('CONFLICT', refusal());
  const { quantity, current, min, max } = state;
  if (!Number.isInteger(quantity) || quantity < min || quantity > max) {
    throw new DomainError('BAD_REQUEST', `Quantity must be a whole number from ${min} to ${max}.`, 'quantity');
  }
  if (quantity === current) throw new DomainError('BAD_REQUEST', `The count is already ${current}: ask for another number.`, 'quantity');
  const reason = state.reason.trim();
  if (reason.length === 0) throw new DomainError('BAD_REQUEST', 'Tell the caterer why the count changes.', 'reason');
  return reason;
}

/** Why the caterer cannot answer the day's change request now, or null. */
export function answerChangeRefusal(state: { openRequest: boolean; serviceDate?: string }): Refusal {
  if (!state.openRequest) return () => `There is no change request waiting for ${state.serviceDate ?? 'this day'}.`;
  return null;
}

/** Meals an accepted change removes (billed at the late reduction charge); 0 for a raise. */
export function lateRemovedMeals(previous: number, next: number): number {
  return Math.max(0, previous - next);
}

/** What removed meals still cost: `percent` % of their price, rounded to the cent. */
export function lateReductionChargeCents(removedMeals: number, pricePerMealCents: number, percent: number): number {
  return Math.round((removedMeals * pricePerMealCents * percent) / 100);
}
