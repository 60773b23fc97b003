// Display formatting shared by pages (server and client components alike). A fixed default
// locale keeps the server-rendered text identical to the hydrated text in the browser.
import { weekdayName } from './dates';
import type { NoticeMode } from './enums';
import { ISO_DATE_PATTERN } from './patterns';

export const DEFAULT_LOCALE = 'en-GB';

const MINUTE_MS = 60_000;

/**
 * Money kept as integer cents (hundredths of the currency unit, as stored) in an ISO 4217
 * currency, e.g. formatMoney(123450, 'EUR') → "€1,234.50". Currencies without minor units
 * (JPY) are rounded by Intl to their own precision.
 */
export function formatMoney(cents: number, currency: string, locale: string = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** A whole number with grouping, e.g. 12,500 meals. */
export function formatCount(n: number, locale: string = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale).format(n);
}

export type FormatDateOptions = Intl.DateTimeFormatOptions & { locale?: string };

/**
 * A calendar date ('YYYY-MM-DD') as people read it, e.g. "Mon, 2 Mar 2026". Formatted in UTC
 * because a date-only value has no zone: the viewer's own offset must never move it a day.
 */
export function formatDate(date: string, options: FormatDateOptions = {}): string {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) return date;
  const { locale = DEFAULT_LOCALE, ...rest } = options;
  const fields = Object.keys(rest).length > 0 ? rest : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } as const;
  const instant = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { ...fields, timeZone: 'UTC' }).format(instant);
}

/**
 * An instant on the wall clock of `timeZone`, with the zone shown so nobody misreads it,
 * e.g. "Mon, 2 Mar 2026, 12:00 CET" (zones without a common abbreviation read "GMT+9").
 */
export function formatInstant(instant: Date, timeZone: string, locale: string = DEFAULT_LOCALE): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(instant);
}

/**
 * Time left until a deadline, coarse enough to read at a glance: "in 2 d 4 h", "in 3 h 20 min",
 * "in 5 min", "in less than a minute"; "passed" once the deadline is reached (confirmations
 * are accepted only strictly before it).
 */
export function formatCountdown(deadline: Date, now: Date): string {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return 'passed';
  const totalMinutes = Math.floor(ms / MINUTE_MS);
  if (totalMinutes < 1) return 'in less than a minute';
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `in ${days} d ${hours} h` : `in ${days} d`;
  if (hours > 0) return minutes > 0 ? `in ${hours} h ${minutes} min` : `in ${hours} h`;
  return `in ${minutes} min`;
}

/** Part of a whole as a rounded percentage, e.g. 0.834 → "83%". */
export function formatPercent(ratio: number, locale: string = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** A contract's notice as people read it: "24 hours before delivery", "2 business days before, by 14:00". */
export function formatNotice(notice: {
  noticeMode: NoticeMode;
  noticeHours: number;
  noticeBusinessDays: number;
  cutoffTime: string;
}): string {
  if (notice.noticeMode === 'HOURS') return `${notice.noticeHours} ${notice.noticeHours === 1 ? 'hour' : 'hours'} before delivery`;
  const n = notice.noticeBusinessDays;
  return `${n} business ${n === 1 ? 'day' : 'days'} before, by ${notice.cutoffTime}`;
}

/** Weekday names joined for a sentence: "Friday", "Friday and Saturday". */
export function formatWeekdayList(days: readonly number[]): string {
  const names = days.map(weekdayName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
