import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatCountdown,
  formatDate,
  formatDay,
  formatDeadline,
  formatInstant,
  formatMoney,
  formatNotice,
  formatPercent,
  formatTime,
  formatWeekdayTime,
  formatZoneName,
} from './format';

describe('formatMoney', () => {
  it('formats cents in the given currency', () => {
    expect(formatMoney(123450, 'EUR')).toBe('€1,234.50');
    expect(formatMoney(0, 'EUR')).toBe('€0.00');
    expect(formatMoney(1999, 'PLN')).toBe('PLN\u00a019.99');
  });
  it('honours the locale', () => {
    expect(formatMoney(123450, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
  });
  it('rounds currencies without minor units', () => {
    expect(formatMoney(123450, 'JPY')).toBe('JP¥1,235');
  });
});

describe('formatDate', () => {
  it('formats a calendar date without shifting it', () => {
    expect(formatDate('2026-03-02')).toBe('Mon, 2 Mar 2026');
    expect(formatDate('2026-12-31', { day: 'numeric', month: 'short' })).toBe('31 Dec');
  });
  it('returns anything that is not a date unchanged', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('formatInstant', () => {
  it('shows the wall clock of the zone and its abbreviation', () => {
    const instant = new Date('2026-03-02T11:00:00Z');
    expect(formatInstant(instant, 'Europe/Warsaw')).toBe('Mon, 2 Mar 2026, 12:00 CET');
    expect(formatInstant(instant, 'UTC')).toBe('Mon, 2 Mar 2026, 11:00 UTC');
  });
  it('follows daylight-saving time', () => {
    expect(formatInstant(new Date('2026-07-01T10:00:00Z'), 'Europe/Warsaw')).toBe('Wed, 1 Jul 2026, 12:00 CEST');
  });
  it('can move to the next calendar day in the zone', () => {
    expect(formatInstant(new Date('2026-03-02T23:30:00Z'), 'Asia/Tokyo')).toBe('Tue, 3 Mar 2026, 08:30 GMT+9');
  });
});

describe('recipient-zone times', () => {
  const winter = new Date('2026-12-03T13:00:00Z');
  const summer = new Date('2026-07-02T13:00:00Z');
  const now = new Date('2026-12-01T20:00:00Z');

  it('writes the app format, without the year when it is this year', () => {
    expect(formatInstant(winter, 'Europe/Warsaw', { now })).toBe('Thu, 3 Dec, 14:00 CET');
    expect(formatInstant(winter, 'Europe/Warsaw', { now: new Date('2025-12-31T12:00:00Z') })).toBe('Thu, 3 Dec 2026, 14:00 CET');
  });

  it('follows daylight-saving time in zones that have it', () => {
    expect(formatInstant(summer, 'Europe/Warsaw', { now })).toBe('Thu, 2 Jul, 15:00 CEST');
    expect(formatInstant(winter, 'America/New_York', { now })).toBe('Thu, 3 Dec, 08:00 EST');
    expect(formatInstant(summer, 'America/New_York', { now })).toBe('Thu, 2 Jul, 09:00 EDT');
    expect(formatInstant(winter, 'Europe/London', { now })).toBe('Thu, 3 Dec, 13:00 GMT');
    expect(formatInstant(summer, 'Europe/London', { now })).toBe('Thu, 2 Jul, 14:00 BST');
  });

  it('a half-hour zone without DST keeps its offset all year', () => {
    expect(formatInstant(winter, 'Asia/Kolkata', { now })).toBe('Thu, 3 Dec, 18:30 IST');
    expect(formatInstant(summer, 'Asia/Kolkata', { now })).toBe('Thu, 2 Jul, 18:30 IST');
    expect(formatTime(new Date('2026-12-03T19:00:00Z'), 'Asia/Kolkata')).toBe('00:30 IST');
  });

  it('names the offset where a zone has no common abbreviation', () => {
    expect(formatZoneName(winter, 'Asia/Tokyo')).toBe('GMT+9');
    expect(formatZoneName(winter, 'America/St_Johns')).toBe('GMT-3:30');
    expect(formatZoneName(winter, 'UTC')).toBe('UTC');
  });

  it('titles use weekday and time; days have no year', () => {
    expect(formatWeekdayTime(winter, 'Europe/Warsaw')).toBe('Thu 14:00');
    expect(formatWeekdayTime(winter, 'Asia/Kolkata')).toBe('Thu 18:30');
    expect(formatDay('2026-12-03')).toBe('Thu, 3 Dec');
  });

  it('a deadline in the client’s zone read elsewhere shows both clocks', () => {
    const deadline = new Date('2026-12-02T11:00:00Z'); // 12:00 in Warsaw
    expect(formatDeadline(deadline, { reader: 'Europe/Warsaw', deadline: 'Europe/Warsaw' }, { now })).toBe('Wed, 2 Dec, 12:00 CET');
    expect(formatDeadline(deadline, { reader: 'America/New_York', deadline: 'Europe/Warsaw' }, { now })).toBe(
      'Wed, 2 Dec, 06:00 EST (12:00 CET for the client)',
    );
    // Later the same evening in Warsaw is already the next day in Kolkata.
    expect(formatDeadline(new Date('2026-12-02T20:00:00Z'), { reader: 'Asia/Kolkata', deadline: 'Europe/Warsaw' }, { now })).toBe(
      'Thu, 3 Dec, 01:30 IST (Wed, 2 Dec, 21:00 CET for the client)',
    );
    // Two zone names for the same clock (UTC and London in winter) still show both.
    expect(formatDeadline(deadline, { reader: 'UTC', deadline: 'Europe/London' }, { now })).toBe('Wed, 2 Dec, 11:00 UTC (11:00 GMT for the client)');
  });
});

describe('formatCountdown', () => {
  const now = new Date('2026-03-02T08:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);
  const MIN = 60_000;
  it('reads hours and minutes', () => {
    expect(formatCountdown(later(200 * MIN), now)).toBe('in 3 h 20 min');
    expect(formatCountdown(later(120 * MIN + 30_000), now)).toBe('in 2 h');
    expect(formatCountdown(later(5 * MIN + 59_000), now)).toBe('in 5 min');
  });
  it('reads days for long waits', () => {
    expect(formatCountdown(later((2 * 24 * 60 + 4 * 60 + 10) * MIN), now)).toBe('in 2 d 4 h');
    expect(formatCountdown(later(24 * 60 * MIN), now)).toBe('in 1 d');
  });
  it('says less than a minute before the end and passed at and after it', () => {
    expect(formatCountdown(later(59_000), now)).toBe('in less than a minute');
    expect(formatCountdown(now, now)).toBe('passed');
    expect(formatCountdown(later(-MIN), now)).toBe('passed');
  });
});

describe('formatCount and formatPercent', () => {
  it('groups thousands and rounds percentages', () => {
    expect(formatCount(12500)).toBe('12,500');
    expect(formatPercent(0.834)).toBe('83%');
    expect(formatPercent(1.2)).toBe('120%');
  });
});

describe('formatNotice', () => {
  const terms = { noticeHours: 24, noticeBusinessDays: 2, cutoffTime: '14:00' };
  it('reads hours before delivery, singular and plural', () => {
    expect(formatNotice({ ...terms, noticeMode: 'HOURS' })).toBe('24 hours before delivery');
    expect(formatNotice({ ...terms, noticeMode: 'HOURS', noticeHours: 1 }, 'Europe/Warsaw')).toBe('1 hour before delivery');
  });
  it('reads business days with the cutoff on the named client clock', () => {
    expect(formatNotice({ ...terms, noticeMode: 'BUSINESS_DAYS' }, 'Europe/Warsaw')).toBe('2 business days before, by 14:00 (Europe/Warsaw)');
    expect(formatNotice({ ...terms, noticeMode: 'BUSINESS_DAYS', noticeBusinessDays: 1 })).toBe('1 business day before, by 14:00');
  });
});
