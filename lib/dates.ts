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

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of a date's UTC midnight, or null when it is not a real date. */
function toUtcMs(date: string): number | null {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // not Date.UTC: it maps years 0–99 to 1900–1999
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d.getTime() : null;
}

function parseDate(date: string): number {
  const ms = toUtcMs(date);
  if (ms === null) {
    throw new RangeError(`"${date}" is not a valid date; use the format YYYY-MM-DD.`);
  }
  return ms;
}

function format(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Years a date may have: PostgreSQL has no year 0, and four digits end at 9999. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** True for a real calendar date written as 'YYYY-MM-DD' in years 1–9999 (rejects e.g. '2026-02-30', '0000-01-01'). */
export function isValidDate(date: string): boolean {
  const ms = toUtcMs(date);
  const year = ms === null ? 0 : new Date(ms).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return new Date(parseDate(date)).getUTCDay() || 7;
}

/** English name of an ISO weekday (1 = Monday). */
export function weekdayName(isoDay: number): string {
  const name = WEEKDAY_NAMES[isoDay - 1];
  if (!name) throw new RangeError(`${isoDay} is not a day of the week (use 1–7).`);
  return name;
}

export function addDays(date: string, n: number): string {
  return format(parseDate(date) + n * DAY_MS);
}

// One formatter per valid zone, made once: building an Intl.DateTimeFormat costs far more than
// using one, and lists ask for a zone's date per row. Only valid zones are kept (a few hundred
// exist), so names typed by users cannot grow the cache.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat | null {
  const cached = dateFormatters.get(timeZone);
  if (cached) return cached;
  if (typeof timeZone !== 'string' || timeZone.length === 0) return null;
  try {
    const formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
    return formatter;
  } catch {
    return null;
  }
}

/** 'HH:MM:SS' (a PostgreSQL time) → 'HH:MM'. */
export const toHhMm = (time: string) => time.slice(0, 5);

export function isValidTimeZone(name: string): boolean {
  return dateFormatter(name) !== null;
}

/** The calendar date it is at instant `now` in the IANA zone `timeZone`. */
export function localToday(now: Date, timeZone: string): string {
  const formatter = dateFormatter(timeZone);
  if (!formatter) {
    throw new RangeError(`"${timeZone}" is not a known time zone.`);
  }
  const parts = formatter.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Every date from `from` to `to`, both inclusive; empty when `from` is after `to`. */
export function eachDate(from: string, to: string): string[] {
  const end = parseDate(to);
  const dates: string[] = [];
  for (let d = parseDate(from); d <= end; d += DAY_MS) dates.push(format(d));
  return dates;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to) - parseDate(from)) / DAY_MS);
}

/** Monday … Sunday (ISO week) of the week that holds `date`. */
export function weekContaining(date: string): { from: string; to: string } {
  const from = addDays(date, 1 - isoWeekday(date));
  return { from, to: addDays(from, 6) };
}
