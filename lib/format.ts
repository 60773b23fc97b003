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

/** A month ('YYYY-MM') as people read it, e.g. "March 2026". */
export function formatMonth(month: string, locale: string = DEFAULT_LOCALE): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const instant = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(instant);
}

/** How a statement names a contract: "Contract from Mon, 2 Mar 2026 (PO 77, cost center Kitchen)". */
export function formatContractReference(c: { startDate: string; poNumber: string | null; costCenter: string | null }): string {
  const refs = [c.poNumber && `PO ${c.poNumber}`, c.costCenter && `cost center ${c.costCenter}`].filter(Boolean).join(', ');
  return `Contract from ${formatDate(c.startDate)}${refs ? ` (${refs})` : ''}`;
}

/** A statement line's dates: "2 Mar – 13 Mar", or "Correction for Mon, 16 Mar 2026". */
export function formatStatementLineDates(line: {
  kind: 'SERVICE' | 'CORRECTION' | 'LATE_REDUCTION';
  firstDate: string;
  lastDate: string;
  chargePercent?: number | null;
}): string {
  if (line.kind === 'CORRECTION') return `Correction for ${formatDate(line.firstDate)}`;
  if (line.kind === 'LATE_REDUCTION') {
    const span = line.firstDate === line.lastDate ? formatDate(line.firstDate) : `${formatDate(line.firstDate)} – ${formatDate(line.lastDate)}`;
    return `Meals removed after the deadline (${line.chargePercent ?? 0} % of the price), ${span}`;
  }
  const short = { day: 'numeric', month: 'short' } as const;
  return `${formatDate(line.firstDate, short)} – ${formatDate(line.lastDate, short)}`;
}

/** A VAT rate in basis points as a percentage, e.g. 800 → "8%", 2350 → "23.5%". */
export function formatVatRate(basisPoints: number, locale: string = DEFAULT_LOCALE): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(basisPoints / 100)}%`;
}

type InstantParts = { weekday: string; day: string; month: string; year: string; hour: string; minute: string };

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const zoneNameFormatters = new Map<string, Intl.DateTimeFormat[]>();

function partsFormatter(timeZone: string, locale: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let f = partsFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    partsFormatters.set(key, f);
  }
  return f;
}

function instantParts(instant: Date, timeZone: string, locale: string): InstantParts {
  const out: InstantParts = { weekday: '', day: '', month: '', year: '', hour: '', minute: '' };
  for (const p of partsFormatter(timeZone, locale).formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof InstantParts] = p.value;
  }
  return out;
}

/** Locales whose zone names are tried in turn: Europe (CET, BST), the Americas (EST, PDT), India (IST). */
const ZONE_NAME_LOCALES = ['en-GB', 'en-US', 'en-IN'] as const;
const OFFSET_NAME = /^(GMT|UTC)[+-]/;

/**
 * The zone's short name at that instant: its common abbreviation where one exists ("CET",
 * "CEST", "EST", "IST", "UTC"), otherwise its offset ("GMT+9", "GMT+5:30").
 */
export function formatZoneName(instant: Date, timeZone: string): string {
  let formatters = zoneNameFormatters.get(timeZone);
  if (!formatters) {
    formatters = ZONE_NAME_LOCALES.map((l) => new Intl.DateTimeFormat(l, { timeZone, timeZoneName: 'short' }));
    zoneNameFormatters.set(timeZone, formatters);
  }
  let fallback = '';
  for (const f of formatters) {
    const name = f.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (name && !OFFSET_NAME.test(name)) return name;
    fallback ||= name;
  }
  return fallback || timeZone;
}

export type FormatInstantOptions = {
  locale?: string;
  /** Leave the year out when the instant falls in the same year as `now` (in that zone). */
  now?: Date;
};

/**
 * An instant on the wall clock of `timeZone`, with the zone named so nobody misreads it:
 * "Thu, 3 Dec 2026, 14:00 CET", or "Thu, 3 Dec, 14:00 CET" when `now` is in the same year
 * (zones without a common abbreviation read "GMT+9"). The one format of the app, its
 * notifications and its e-mails.
 */
export function formatInstant(instant: Date, timeZone: string, options: FormatInstantOptions = {}): string {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const p = instantParts(instant, timeZone, locale);
  const sameYear = options.now !== undefined && instantParts(options.now, timeZone, locale).year === p.year;
  const date = sameYear ? `${p.weekday}, ${p.day} ${p.month}` : `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
  return `${date}, ${p.hour}:${p.minute} ${formatZoneName(instant, timeZone)}`;
}

/** Weekday and wall-clock time only, for a title: "Thu 14:00". */
export function formatWeekdayTime(instant: Date, timeZone: string, locale: string = DEFAULT_LOCALE): string {
  const p = instantParts(instant, timeZone, locale);
  return `${p.weekday} ${p.hour}:${p.minute}`;
}

/** Time and zone only: "14:00 CET". */
export function formatTime(instant: Date, timeZone: string, locale: string = DEFAULT_LOCALE): string {
  const p = instantParts(instant, timeZone, locale);
  return `${p.hour}:${p.minute} ${formatZoneName(instant, timeZone)}`;
}

/** A calendar date without its year, as in a notification: "Thu, 3 Dec". */
export function formatDay(date: string, locale: string = DEFAULT_LOCALE): string {
  return formatDate(date, { weekday: 'short', day: 'numeric', month: 'short', locale }).replace(/^(\w+) /, '$1, ');
}

/**
 * A deadline in the reader's zone; when it is set in another zone (the client's) whose clock
 * reads differently, that zone's wall clock follows: "Thu, 3 Dec, 08:00 EST (14:00 CET for the
 * client)", with the date too when it differs there.
 */
export function formatDeadline(
  deadline: Date,
  zones: { reader: string; deadline: string },
  options: FormatInstantOptions & { deadlineZoneLabel?: string } = {},
): string {
  const mine = formatInstant(deadline, zones.reader, options);
  if (zones.reader === zones.deadline) return mine;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const a = instantParts(deadline, zones.reader, locale);
  const b = instantParts(deadline, zones.deadline, locale);
  const theirZone = formatZoneName(deadline, zones.deadline);
  if (a.hour === b.hour && a.minute === b.minute && a.day === b.day && formatZoneName(deadline, zones.reader) === theirZone) return mine;
  const theirs = a.day === b.day && a.month === b.month ? `${b.hour}:${b.minute} ${theirZone}` : formatInstant(deadline, zones.deadline, options);
  return `${mine} (${theirs} ${options.deadlineZoneLabel ?? 'for the client'})`;
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

/**
 * A contract's notice as people read it: "24 hours before delivery", "2 business days before,
 * by 14:00 (Europe/Warsaw)". The cutoff is on the client's clock, so its zone is named when given.
 */
export function formatNotice(
  notice: { noticeMode: NoticeMode; noticeHours: number; noticeBusinessDays: number; cutoffTime: string },
  clientTimeZone?: string,
): string {
  if (notice.noticeMode === 'HOURS') return `${notice.noticeHours} ${notice.noticeHours === 1 ? 'hour' : 'hours'} before delivery`;
  const n = notice.noticeBusinessDays;
  const zone = clientTimeZone ? ` (${clientTimeZone})` : '';
  return `${n} business ${n === 1 ? 'day' : 'days'} before, by ${notice.cutoffTime}${zone}`;
}

/** Weekday names joined for a sentence: "Friday", "Friday and Saturday". */
export function formatWeekdayList(days: readonly number[]): string {
  const names = days.map(weekdayName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
