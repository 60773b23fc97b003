import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween, eachDate, isoWeekday, isValidDate, isValidTimeZone, localToday, weekdayName } from './dates';

// Run every date rule under several machine time zones: none of them may leak into the results.
// Pacific/Apia skipped 2011-12-30 entirely (it moved across the date line): a date-only value
// must still exist there.
const MACHINE_ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Pacific/Apia', 'Europe/Warsaw', 'America/New_York'];

describe.each(MACHINE_ZONES)('date helpers with machine TZ=%s', (machineZone) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = machineZone;
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it('isoWeekday numbers Monday 1 … Sunday 7', () => {
    expect(isoWeekday('2026-03-30')).toBe(1); // Monday
    expect(isoWeekday('2026-03-25')).toBe(3); // Wednesday
    expect(isoWeekday('2026-03-29')).toBe(7); // Sunday (Warsaw DST change day)
    expect(isoWeekday('2024-02-29')).toBe(4); // leap day, Thursday
  });

  it('addDays steps over DST changes, month ends and leap days as plain calendar days', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-01', 0)).toBe('2026-03-01');
    expect(addDays('2011-12-29', 1)).toBe('2011-12-30');
    expect(isoWeekday('2011-12-30')).toBe(5);
  });

  it('eachDate lists every date inclusively, also across a DST change', () => {
    expect(eachDate('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(eachDate('2026-11-01', '2026-11-01')).toEqual(['2026-11-01']);
    expect(eachDate('2026-03-30', '2026-03-29')).toEqual([]);
    expect(eachDate('2026-01-01', '2026-12-31')).toHaveLength(365);
    expect(eachDate('2011-12-29', '2011-12-31')).toEqual(['2011-12-29', '2011-12-30', '2011-12-31']);
  });

  it('localToday gives the calendar date in the given zone, not the machine zone', () => {
    const now = new Date('2026-03-29T22:30:00Z');
    expect(localToday(now, 'UTC')).toBe('2026-03-29');
    expect(localToday(now, 'Europe/Warsaw')).toBe('2026-03-30'); // 00:30 CEST
    expect(localToday(now, 'America/New_York')).toBe('2026-03-29'); // 18:30 EDT
    expect(localToday(new Date('2026-03-30T03:59:59Z'), 'America/New_York')).toBe('2026-03-29');
    expect(localToday(new Date('2026-03-30T04:00:00Z'), 'America/New_York')).toBe('2026-03-30');
  });
});

describe('validation', () => {
  it('isValidDate accepts real YYYY-MM-DD dates only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('2026-3-1')).toBe(false);
    expect(isValidDate('2026-03-01T00:00')).toBe(false);
    expect(isValidDate('')).toBe(false);
  });

  it('isValidDate keeps to years 1–9999 (PostgreSQL has no year 0)', () => {
    expect(isValidDate('0000-12-31')).toBe(false);
    expect(isValidDate('0001-01-01')).toBe(true);
    expect(isValidDate('9999-12-31')).toBe(true);
    expect(isValidDate('10000-01-01')).toBe(false);
  });

  it('helpers reject malformed dates with a RangeError', () => {
    expect(() => isoWeekday('2026-02-30')).toThrow(RangeError);
    expect(() => addDays('30/03/2026', 1)).toThrow(/not a valid date/);
    expect(() => eachDate('2026-03-01', 'soon')).toThrow(RangeError);
    expect(() => isoWeekday('nope')).toThrow(/not a valid date/);
  });

  it('isValidTimeZone knows IANA zones', () => {
    expect(isValidTimeZone('Europe/Warsaw')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('localToday rejects an unknown zone', () => {
    expect(() => localToday(new Date(), 'Mars/Olympus_Mons')).toThrow(/not a known time zone/);
  });

  it('weekdayName names ISO weekdays and rejects others', () => {
    expect(weekdayName(1)).toBe('Monday');
    expect(weekdayName(3)).toBe('Wednesday');
    expect(weekdayName(7)).toBe('Sunday');
    expect(() => weekdayName(0)).toThrow(RangeError);
    expect(() => weekdayName(8)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts calendar days across DST changes, month ends and leap days', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // Warsaw spring-forward weekend
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2); // Warsaw fall-back weekend
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // leap day in between
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('is zero for the same date and negative backwards', () => {
    expect(daysBetween('2026-05-05', '2026-05-05')).toBe(0);
    expect(daysBetween('2026-05-05', '2026-05-01')).toBe(-4);
  });

  it('rejects an invalid date', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});
