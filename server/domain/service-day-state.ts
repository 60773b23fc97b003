import type { ContractStatus, ServiceDayStatus } from '@/lib/enums';
import { MAX_DAILY_QUANTITY, MAX_TEXT_LENGTH } from '@/lib/limits';
import { describeServedOutlier, SERVED_CORRECTION_HOURS, servedCountOutlier } from '@/lib/served-count';
import { formatInstant, isBeforeDeadline } from './deadline';
import { DomainError } from './errors';
export const DISPUTE_WINDOW_DAYS = 7;
export const DISPUTE_WINDOW_MS = DISPUTE_WINDOW_DAYS * 24 * 60 * 60 * 1000;

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

/** The client may set (and change) the expected quantity until the deadline. */
export function assertCanConfirmExpected(input: ConfirmExpectedInput): void {
  const { status, contractStatus, quantity, min, max, deadline, now, serviceDate, timeZone } = input;
  if (contractStatus !== 'ACTIVE') {
    throw new DomainError(
      'CONFLICT',
      `This contract is ${contractStatus.toLowerCase()}, so quantities can no longer be confirmed.`,
    );
  }
  if (status !== 'PENDING' && status !== 'EXPECTED_CONFIRMED') {
    const why =
      status === 'DISPUTED'
        ? 'its served quantity is disputed'
        : status === 'CANCELLED'
          ? 'it is cancelled (a closure)'
          : 'it has already been served';
    throw new DomainError(
      'CONFLICT',
      `The expected quantity for ${dayLabel(serviceDate)} can no longer be changed because ${why}.`,
    );
  }
  if (!isBeforeDeadline(now, deadline)) {
    throw new DomainError(
      'CONFLICT',
      `The confirmation deadline for ${dayLabel(serviceDate)} passed at ${formatInstant(deadline, timeZone)}.`,
    );
  }
  assertWholeNumberIn(quantity, min, max, 'quantity', 'Quantity');
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
 * The caterer confirms what it served, on or after the service date. A PENDING day past its
 * deadline is accepted because the caller auto-locks it (→ EXPECTED_CONFIRMED) first.
 */
export function assertCanConfirmServed(input: ConfirmServedInput): void {
  const { status, serviceDate, clientToday, deadline, now, quantity, timeZone } = input;

  if (clientToday < serviceDate) {
    throw new DomainError(
      'CONFLICT',
      `The served quantity for ${serviceDate} can only be confirmed on or after that date.`,
    );
  }
  const lockable = status === 'PENDING' && !isBeforeDeadline(now, deadline);
  if (status !== 'EXPECTED_CONFIRMED' && !lockable) {
    const messages: Record<ServiceDayStatus, string> = {
      PENDING: `The client can still change the expected quantity for ${serviceDate}; confirm what was served after the deadline at ${formatInstant(deadline, timeZone)}.`,
      EXPECTED_CONFIRMED: '',
      SERVED_CONFIRMED: `The served quantity for ${serviceDate} is already confirmed.`,
      DISPUTED: `The served quantity for ${serviceDate} is disputed; resolve the dispute instead.`,
      CANCELLED: `${serviceDate} is cancelled (a closure), so nothing is served that day.`,
    };
    throw new DomainError('CONFLICT', messages[status]);
  }
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
 * The caterer corrects its own served count within 24 hours of confirming it, unless the client
 * disputed it (then the dispute's resolution is the correction). The note says why; it stands
 * in for the outlier confirmation. Returns the trimmed note.
 */
export function assertCanCorrectServed(input: CorrectServedInput): { note: string } {
  const { status, servedQuantity, servedConfirmedAt, now, quantity } = input;
  if (status === 'DISPUTED') {
    throw new DomainError('CONFLICT', 'The client disputed this served count; resolve the dispute instead.');
  }
  if (status !== 'SERVED_CONFIRMED' || !servedConfirmedAt) {
    throw new DomainError('CONFLICT', 'Only a confirmed served count can be corrected.');
  }
  const endsAt = servedCorrectionEndsAt(servedConfirmedAt);
  if (now.getTime() > endsAt.getTime()) {
    throw new DomainError(
      'CONFLICT',
      `A served count can be corrected within ${SERVED_CORRECTION_HOURS} hours of its confirmation; that ended at ${formatInstant(endsAt)}.`,
    );
  }
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

/** Returns the trimmed reason to store. */
export function assertCanDispute(input: DisputeInput): { reason: string } {
  const { status, servedConfirmedAt, now, reason } = input;
  if (status !== 'SERVED_CONFIRMED' || !servedConfirmedAt) {
    const message =
      status === 'DISPUTED'
        ? 'This day is already disputed.'
        : 'Only a day whose served quantity has been confirmed can be disputed.';
    throw new DomainError('CONFLICT', message);
  }
  const endsAt = disputeWindowEndsAt(servedConfirmedAt);
  if (now.getTime() > endsAt.getTime()) {
    throw new DomainError(
      'CONFLICT',
      `The ${DISPUTE_WINDOW_DAYS}-day dispute window for this day closed at ${formatInstant(endsAt)}.`,
    );
  }
  return { reason: requireText(reason, 'reason', 'The reason') };
}

export interface ResolveDisputeInput {
  status: ServiceDayStatus;
  servedQuantity: number;
  note: string;
}

/** Returns the trimmed note to store. */
export function assertCanResolveDispute(input: ResolveDisputeInput): { note: string } {
  const { status, servedQuantity, note } = input;
  if (status !== 'DISPUTED') {
    throw new DomainError('CONFLICT', 'Only a disputed day can have its dispute resolved.');
  }
  assertWholeNumberIn(servedQuantity, 0, MAX_DAILY_QUANTITY, 'servedQuantity', 'Served quantity');
  return { note: requireText(note, 'note', 'The resolution note') };
}

/** A PENDING day at or past its deadline is locked at its current expected quantity. */
export function shouldAutoLock(input: { status: ServiceDayStatus; deadline: Date; now: Date }): boolean {
  return input.status === 'PENDING' && !isBeforeDeadline(input.now, input.deadline);
}
