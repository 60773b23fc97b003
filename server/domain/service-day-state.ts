import { isCountOpenStatus, type ContractStatus, type ServiceDayStatus } from '@/lib/enums';
import { MAX_DAILY_QUANTITY, MAX_TEXT_LENGTH } from '@/lib/limits';
import { describeServedOutlier, SERVED_CORRECTION_HOURS, servedCountOutlier } from '@/lib/served-count';
import { formatInstant, isBeforeDeadline } from './deadline';
import { DomainError } from './errors';
export const DISPUTE_WINDOW_DAYS = 7;
export const DISPUTE_WINDOW_MS = DISPUTE_WINDOW_DAYS * 24 * 60 * 60 * 1000;

/**
 * Why a day's state refuses an action, as a message built only when someone reads it (the
 * lists ask every row what its viewer may do, so a permitted or refused check must cost no
 * error object and no date formatting); null when the state allows the action.
 */
export type Refusal = (() => string) | null;

function refuseIf(refusal: Refusal): void {
  if (refusal) throw new DomainError('CONFLICT', refusal());
}

function dayLabel(serviceDate?: string): string {
  return serviceDate ? serviceDate : 'this day';
}

function assertWholeNumberIn(value: number, min: number, max: number, field: string, label: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DomainError('BAD_REQUEST', `${label} must be a whole number from ${min} to ${max}.`, field);
  }
}

/** Trimmed text of 1–1000 characters (counted as the database counts them: code points). */
function requireText(value: string, field: string, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const length = [...text].length;
  if (length < 1 || length > MAX_TEXT_LENGTH) {
    throw new DomainError('BAD_REQUEST', `${what} must be between 1 and ${MAX_TEXT_LENGTH} characters long.`, field);
  }
  return text;
}

export interface ConfirmExpectedInput {
  status: ServiceDayStatus;
  contractStatus: ContractStatus;
  quantity: number;
  min: number;
  max: number;
  deadline: Date;
  now: Date;
  serviceDate?: string; // only for the error message
  timeZone?: string; // the client's zone, only for the error message
}

/** The day's count is still open: not settled and its deadline ahead (whatever the contract's state). */
export function isOpenForCount(day: { status: ServiceDayStatus; deadline: Date }, now: Date): boolean {
  return isCountOpenStatus(day.status) && isBeforeDeadline(now, day.deadline);
}

/** Whether the day's state lets the client set (and change) the expected quantity: until the deadline. */
export function confirmExpectedRefusal(
  input: Pick<ConfirmExpectedInput, 'status' | 'contractStatus' | 'deadline' | 'now' | 'serviceDate' | 'timeZone'>,
): Refusal {
  const { status, contractStatus, deadline, now, serviceDate, timeZone } = input;
  if (contractStatus !== 'ACTIVE') {
    return () => `This contract is ${contractStatus.toLowerCase()}, so quantities can no longer be confirmed.`;
  }
  if (!isCountOpenStatus(status)) {
    const why =
      status === 'DISPUTED'
        ? 'its served quantity is disputed'
        : status === 'CANCELLED'
          ? 'it is cancelled (a closure)'
          : 'it has already been served';
    return () => `The expected quantity for ${dayLabel(serviceDate)} can no longer be changed because ${why}.`;
  }
  if (!isBeforeDeadline(now, deadline)) {
    return () => `The confirmation deadline for ${dayLabel(serviceDate)} passed at ${formatInstant(deadline, timeZone)}.`;
  }
  return null;
}

/** The client may set (and change) the expected quantity until the deadline. */
export function assertCanConfirmExpected(input: ConfirmExpectedInput): void {
  refuseIf(confirmExpectedRefusal(input));
  assertWholeNumberIn(input.quantity, input.min, input.max, 'quantity', 'Quantity');
}

export interface ConfirmServedInput {
  status: ServiceDayStatus;
  serviceDate: string;
  clientToday: string; // the client's local date at `now`
  deadline: Date;
  now: Date;
  quantity: number;
  expectedQuantity: number;
  maxQuantity: number;
  /** The caller saw the outlier warning and keeps the count. */
  confirmOutlier?: boolean;
  timeZone?: string; // the client's zone, only for the error message
}

/**
 * Whether the day's state lets the caterer confirm what it served: on or after the service date.
 * A PENDING day past its deadline is allowed because the caller auto-locks it
 * (→ EXPECTED_CONFIRMED) first.
 */
export function confirmServedRefusal(
  input: Pick<ConfirmServedInput, 'status' | 'serviceDate' | 'clientToday' | 'deadline' | 'now' | 'timeZone'>,
): Refusal {
  const { status, serviceDate, clientToday, deadline, now, timeZone } = input;
  if (clientToday < serviceDate) {
    return () => `The served quantity for ${serviceDate} can only be confirmed on or after that date.`;
  }
  const lockable = status === 'PENDING' && !isBeforeDeadline(now, deadline);
  if (status === 'EXPECTED_CONFIRMED' || lockable) return null;
  return () => {
    const messages: Record<ServiceDayStatus, string> = {
      PENDING: `The client can still change the expected quantity for ${serviceDate}; confirm what was served after the deadline at ${formatInstant(deadline, timeZone)}.`,
      EXPECTED_CONFIRMED: '',
      SERVED_CONFIRMED: `The served quantity for ${serviceDate} is already confirmed.`,
      DISPUTED: `The served quantity for ${serviceDate} is disputed; resolve the dispute instead.`,
      CANCELLED: `${serviceDate} is cancelled (a closure), so nothing is served that day.`,
    };
    return messages[status];
  };
}

/** The caterer confirms what it served (see confirmServedRefusal); outliers need confirmOutlier. */
export function assertCanConfirmServed(input: ConfirmServedInput): void {
  const { quantity } = input;
  refuseIf(confirmServedRefusal(input));
  assertWholeNumberIn(quantity, 0, MAX_DAILY_QUANTITY, 'quantity', 'Served quantity');
  const outlier = servedCountOutlier({ quantity, expectedQuantity: input.expectedQuantity, maxQuantity: input.maxQuantity });
  if (outlier && !input.confirmOutlier) {
    throw new DomainError(
      'PRECONDITION_FAILED',
      `${describeServedOutlier(quantity, outlier)} Check the count; if it is right, confirm it as an outlier.`,
      'quantity',
    );
  }
}

export const SERVED_CORRECTION_MS = SERVED_CORRECTION_HOURS * 60 * 60 * 1000;

export interface CorrectServedInput {
  status: ServiceDayStatus;
  servedQuantity: number | null;
  servedConfirmedAt: Date | null;
  now: Date;
  quantity: number;
  note: string;
}

/** The instant until which the caterer may correct its own served count (inclusive). */
export function servedCorrectionEndsAt(servedConfirmedAt: Date): Date {
  return new Date(servedConfirmedAt.getTime() + SERVED_CORRECTION_MS);
}

/**
 * Whether the caterer may still correct its own served count: within 24 hours of confirming it,
 * unless the client disputed it (then the dispute's resolution is the correction).
 */
export function correctServedRefusal(input: Pick<CorrectServedInput, 'status' | 'servedConfirmedAt' | 'now'>): Refusal {
  const { status, servedConfirmedAt, now } = input;
  if (status === 'DISPUTED') return () => 'The client disputed this served count; resolve the dispute instead.';
  if (status !== 'SERVED_CONFIRMED' || !servedConfirmedAt) return () => 'Only a confirmed served count can be corrected.';
  const endsAt = servedCorrectionEndsAt(servedConfirmedAt);
  if (now.getTime() > endsAt.getTime()) {
    return () =>
      `A served count can be corrected within ${SERVED_CORRECTION_HOURS} hours of its confirmation; that ended at ${formatInstant(endsAt)}.`;
  }
  return null;
}

/**
 * The caterer corrects its own served count (see correctServedRefusal). The note says why; it
 * stands in for the outlier confirmation. Returns the trimmed note.
 */
export function assertCanCorrectServed(input: CorrectServedInput): { note: string } {
  const { servedQuantity, quantity } = input;
  refuseIf(correctServedRefusal(input));
  assertWholeNumberIn(quantity, 0, MAX_DAILY_QUANTITY, 'quantity', 'Served quantity');
  if (quantity === servedQuantity) {
    throw new DomainError('BAD_REQUEST', `The served count is already ${quantity}.`, 'quantity');
  }
  return { note: requireText(input.note, 'note', 'The note') };
}

export interface DisputeInput {
  status: ServiceDayStatus;
  servedConfirmedAt: Date | null;
  now: Date;
  reason: string;
}

/** The instant after which a served count can no longer be disputed (inclusive end). */
export function disputeWindowEndsAt(servedConfirmedAt: Date): Date {
  return new Date(servedConfirmedAt.getTime() + DISPUTE_WINDOW_MS);
}

/** Whether the client may dispute the served count: once confirmed, within the dispute window. */
export function disputeRefusal(input: Pick<DisputeInput, 'status' | 'servedConfirmedAt' | 'now'>): Refusal {
  const { status, servedConfirmedAt, now } = input;
  if (status !== 'SERVED_CONFIRMED' || !servedConfirmedAt) {
    return () =>
      status === 'DISPUTED' ? 'This day is already disputed.' : 'Only a day whose served quantity has been confirmed can be disputed.';
  }
  const endsAt = disputeWindowEndsAt(servedConfirmedAt);
  if (now.getTime() > endsAt.getTime()) {
    return () => `The ${DISPUTE_WINDOW_DAYS}-day dispute window for this day closed at ${formatInstant(endsAt)}.`;
  }
  return null;
}

/** Returns the trimmed reason to store. */
export function assertCanDispute(input: DisputeInput): { reason: string } {
  refuseIf(disputeRefusal(input));
  return { reason: requireText(input.reason, 'reason', 'The reason') };
}

export interface ResolveDisputeInput {
  status: ServiceDayStatus;
  servedQuantity: number;
  note: string;
}

/** Whether the caterer may resolve a dispute: the day must be disputed. */
export function resolveDisputeRefusal(input: Pick<ResolveDisputeInput, 'status'>): Refusal {
  return input.status === 'DISPUTED' ? null : () => 'Only a disputed day can have its dispute resolved.';
}

/** Returns the trimmed note to store. */
export function assertCanResolveDispute(input: ResolveDisputeInput): { note: string } {
  const { servedQuantity, note } = input;
  refuseIf(resolveDisputeRefusal(input));
  assertWholeNumberIn(servedQuantity, 0, MAX_DAILY_QUANTITY, 'servedQuantity', 'Served quantity');
  return { note: requireText(note, 'note', 'The resolution note') };
}

/** A PENDING day at or past its deadline is locked at its current expected quantity. */
export function shouldAutoLock(input: { status: ServiceDayStatus; deadline: Date; now: Date }): boolean {
  return input.status === 'PENDING' && !isBeforeDeadline(input.now, input.deadline);
}
