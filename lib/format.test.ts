import { describe, expect, it } from 'vitest';
import { formatCount, formatCountdown, formatDate, formatInstant, formatMoney, formatPercent } from './format';

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
