import { DateTime } from 'luxon';
import { isValidDate, isValidTimeZone } from '@/lib/dates';
import type { NoticeMode } from '@/lib/enums';
import { TIME_OF_DAY_PATTERN } from '@/lib/patterns';
import { formatInstant as formatZonedInstant } from '@/lib/format';
import { DomainError } from './errors';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The client's calendar as the business-day notice reads it: a business day is a Monday–Friday
 * on which the office is open (office days), that is not inside one of the client's
 * company-wide closures and is not one of its public holidays.
 */
export interface ClientCalendar {
  /** ISO weekdays (1 = Monday) the office is closed. */
  closedWeekdays: readonly number[];
  /** Company-wide closures of the client, inclusive local dates. */
  closures: readonly { from: string; to: string }[];
  /** Public holidays of the client's holiday calendar ('YYYY-MM-DD'). */
  holidays: readonly string[];
}

/** An open calendar: every Monday–Friday is a business day. */
export const OPEN_CALENDAR: ClientCalendar = { closedWeekdays: [], closures: [], holidays: [] };


export interface DeadlineInput {
  serviceDate: string; // 'YYYY-MM-DD'
  deliveryTime: string; // 'HH:MM'
  /** HOURS when omitted (the rule before business days existed). */
  noticeMode?: NoticeMode;
  noticeHours: number;
  /** BUSINESS_DAYS: the deadline is `cutoffTime` on the N-th business day before the service date. */
  noticeBusinessDays?: number;
  cutoffTime?: string; // 'HH:MM'
  timeZone: string; // the CLIENT's IANA zone
  /** BUSINESS_DAYS only: the client's calendar; an open week when omitted. */
  calendar?: ClientCalendar;
}

/** How far back a business-day notice looks before it gives up (a calendar with no business day). */
export const MAX_BUSINESS_DAY_LOOKBACK_DAYS = 400;

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
  if (input.noticeMode === 'BUSINESS_DAYS') return businessDayDeadline(input);
  return noticeBefore(deliveryInstant(serviceDate, deliveryTime, timeZone).toMillis(), noticeHours);
}

const DAY_MS = 24 * HOUR_MS;
const utcDay = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** True when `date` is a business day of the calendar (see ClientCalendar). */
export function isBusinessDay(date: string, calendar: ClientCalendar): boolean {
  const weekday = ((new Date(utcDay(date)).getUTCDay() + 6) % 7) + 1;
  if (weekday > 5 || calendar.closedWeekdays.includes(weekday)) return false;
  if (calendar.holidays.includes(date)) return false;
  return !calendar.closures.some((c) => c.from <= date && date <= c.to);
}

/**
 * The business day `n` business days before `serviceDate` (the service date itself never
 * counts). A calendar without any business day in the lookback window gives the earliest
 * date looked at, so such a day is simply closed for changes long before it.
 */
export function nthBusinessDayBefore(serviceDate: string, n: number, calendar: ClientCalendar): string {
  let day = utcDay(serviceDate);
  let found = 0;
  for (let step = 0; step < MAX_BUSINESS_DAY_LOOKBACK_DAYS; step++) {
    day -= DAY_MS;
    if (isBusinessDay(isoDate(day), calendar) && ++found === n) return isoDate(day);
  }
  return isoDate(day);
}

function businessDayDeadline(input: DeadlineInput): Date {
  const { serviceDate, noticeBusinessDays: n, cutoffTime, timeZone, calendar = OPEN_CALENDAR } = input;
  if (!isValidDate(serviceDate)) {
    throw new DomainError('BAD_REQUEST', `"${serviceDate}" is not a valid date; use the format YYYY-MM-DD.`);
  }
  if (n === undefined || !Number.isInteger(n) || n < 1) {
    throw new DomainError('BAD_REQUEST', 'Notice in business days must be a whole number of at least 1.');
  }
  if (cutoffTime === undefined || !TIME_OF_DAY_PATTERN.test(cutoffTime)) {
    throw new DomainError('BAD_REQUEST', `"${cutoffTime}" is not a valid cutoff time; use HH:MM.`);
  }
  // The cutoff is a wall-clock time on the client's calendar, so DST changes never shift it.
  return deliveryInstant(nthBusinessDayBefore(serviceDate, n, calendar), cutoffTime, timeZone).toJSDate();
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
  return (input) => {
    if (input.noticeMode === 'BUSINESS_DAYS') return businessDayDeadline(input);
    const { serviceDate, deliveryTime, noticeHours, timeZone } = input;
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

/** A deadline as the client reads it, in the app's one format: "Sun, 29 Mar 2026, 12:00 CEST". */
export function formatInstant(instant: Date, timeZone?: string): string {
  return formatZonedInstant(instant, timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC');
}
