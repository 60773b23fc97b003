import { DateTime } from 'luxon';
import { isValidDate, isValidTimeZone } from '@/lib/dates';
import { TIME_OF_DAY_PATTERN } from '@/lib/patterns';
import { DomainError } from './errors';

const HOUR_MS = 60 * 60 * 1000;

export interface DeadlineInput {
  serviceDate: string; // 'YYYY-MM-DD'
  deliveryTime: string; // 'HH:MM'
  noticeHours: number;
  timeZone: string; // the CLIENT's IANA zone
}

/**
 * The instant of the delivery: `serviceDate` at `deliveryTime` on the wall clock of `timeZone`.
 *
 * DST edge cases (rare, since delivery times are usually around noon, but they must not crash):
 * - A wall time that does not exist (spring-forward gap, e.g. 02:30 in Warsaw on the last Sunday
 *   of March) is moved forward by the gap, as luxon does: 02:30 → 03:30 CEST.
 * - A wall time that occurs twice (fall-back, e.g. 02:30 in Warsaw on the last Sunday of October)
 *   resolves to the EARLIER instant (the first occurrence, still on summer time), so the
 *   client's deadline is never later than they could expect.
 */
export function deliveryInstant(serviceDate: string, deliveryTime: string, timeZone: string): DateTime {
  if (!isValidDate(serviceDate)) {
    throw new DomainError('BAD_REQUEST', `"${serviceDate}" is not a valid date; use the format YYYY-MM-DD.`);
  }
  const time = TIME_OF_DAY_PATTERN.exec(deliveryTime);
  if (!time) {
    throw new DomainError('BAD_REQUEST', `"${deliveryTime}" is not a valid delivery time; use HH:MM.`);
  }
  if (!isValidTimeZone(timeZone)) {
    throw new DomainError('BAD_REQUEST', `"${timeZone}" is not a known time zone.`);
  }
  const [year, month, day] = serviceDate.split('-').map(Number);
  const local = DateTime.fromObject(
    { year, month, day, hour: Number(time[1]), minute: Number(time[2]) },
    { zone: timeZone },
  );
  // For an ambiguous wall time luxon returns both readings; take the earliest.
  const candidates = local.getPossibleOffsets();
  return candidates.reduce((earliest, c) => (c.toMillis() < earliest.toMillis() ? c : earliest), local);
}

/**
 * Confirmation deadline = delivery instant − `noticeHours` REAL hours (elapsed time, not wall-clock
 * time), so across a DST change the local clock reading of the deadline differs by an hour.
 */
export function computeConfirmationDeadline(input: DeadlineInput): Date {
  const { serviceDate, deliveryTime, noticeHours, timeZone } = input;
  return noticeBefore(deliveryInstant(serviceDate, deliveryTime, timeZone).toMillis(), noticeHours);
}

function noticeBefore(deliveryMs: number, noticeHours: number): Date {
  if (!Number.isFinite(noticeHours) || noticeHours < 0) {
    throw new DomainError('BAD_REQUEST', 'Notice hours must be zero or more.');
  }
  return new Date(deliveryMs - noticeHours * HOUR_MS);
}

/**
 * `computeConfirmationDeadline` for many days at once (generation, recomputation): the delivery
 * instant is computed once per (date, delivery time, zone), since thousands of days share a few
 * of those and luxon's zone arithmetic is the costly part. Same results, same errors.
 */
export function createDeadlineCalculator(): (input: DeadlineInput) => Date {
  const deliveries = new Map<string, number>();
  return ({ serviceDate, deliveryTime, noticeHours, timeZone }) => {
    const key = `${serviceDate}|${deliveryTime}|${timeZone}`;
    let delivery = deliveries.get(key);
    if (delivery === undefined) {
      delivery = deliveryInstant(serviceDate, deliveryTime, timeZone).toMillis();
      deliveries.set(key, delivery);
    }
    return noticeBefore(delivery, noticeHours);
  };
}

/** Confirmations are accepted only strictly before the deadline. */
export function isBeforeDeadline(now: Date, deadline: Date): boolean {
  return now.getTime() < deadline.getTime();
}

/** A deadline as the client reads it, e.g. "2026-03-29 12:00 (Europe/Warsaw)". */
export function formatInstant(instant: Date, timeZone?: string): string {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return `${DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm')} (${zone})`;
}
