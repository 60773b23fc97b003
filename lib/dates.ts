import { DateTime, IANAZone } from 'luxon';
import { ISO_DATE_PATTERN } from './patterns';

// Date-only values ('YYYY-MM-DD') are plain calendar dates. All arithmetic runs in UTC so the
// machine's own time zone (and its DST changes) can never shift a day. Browser-safe: pages,
// components and the server share these helpers. Input reaching them is validated first (zod),
// so a malformed value here is a programming error: RangeError (a 500), not a user's mistake.

export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

function toDateTime(date: string): DateTime | null {
  if (!ISO_DATE_PATTERN.test(date)) return null;
  const dt = DateTime.fromISO(date, { zone: 'utc' });
  return dt.isValid ? dt : null;
}

function parseDate(date: string): DateTime {
  const dt = toDateTime(date);
  if (!dt) {
    throw new RangeError(`"${date}" is not a valid date; use the format YYYY-MM-DD.`);
  }
  return dt;
}

function format(dt: DateTime): string {
  // toISODate() is only null for invalid DateTimes, which parseDate already rules out.
  return dt.toISODate() as string;
}

/** Years a date may have: PostgreSQL has no year 0, and four digits end at 9999. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** True for a real calendar date written as 'YYYY-MM-DD' in years 1–9999 (rejects e.g. '2026-02-30', '0000-01-01'). */
export function isValidDate(date: string): boolean {
  const dt = toDateTime(date);
  return dt !== null && dt.year >= MIN_YEAR && dt.year <= MAX_YEAR;
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return parseDate(date).weekday;
}

/** English name of an ISO weekday (1 = Monday). */
export function weekdayName(isoDay: number): string {
  const name = WEEKDAY_NAMES[isoDay - 1];
  if (!name) throw new RangeError(`${isoDay} is not a day of the week (use 1–7).`);
  return name;
}

export function addDays(date: string, n: number): string {
  return format(parseDate(date).plus({ days: n }));
}

export function isValidTimeZone(name: string): boolean {
  return typeof name === 'string' && name.length > 0 && IANAZone.isValidZone(name);
}

/** The calendar date it is at instant `now` in the IANA zone `timeZone`. */
export function localToday(now: Date, timeZone: string): string {
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`"${timeZone}" is not a known time zone.`);
  }
  return format(DateTime.fromJSDate(now, { zone: timeZone }));
}

/** Every date from `from` to `to`, both inclusive; empty when `from` is after `to`. */
export function eachDate(from: string, to: string): string[] {
  const end = parseDate(to);
  const dates: string[] = [];
  for (let d = parseDate(from); d <= end; d = d.plus({ days: 1 })) dates.push(format(d));
  return dates;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(parseDate(to).diff(parseDate(from), 'days').days);
}

/** Monday … Sunday (ISO week) of the week that holds `date`. */
export function weekContaining(date: string): { from: string; to: string } {
  const from = addDays(date, 1 - isoWeekday(date));
  return { from, to: addDays(from, 6) };
}
