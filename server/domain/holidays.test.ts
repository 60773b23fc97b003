import { describe, expect, it } from 'vitest';
import { holidayCountryOptions, isKnownHolidayCountry, publicHolidays } from './holidays';

describe('public holidays (date-holidays)', () => {
  it('Poland around Christmas: 24–26 Dec, 1 and 6 Jan are public holidays', () => {
    expect(publicHolidays('PL', '2026-12-20', '2027-01-10').map((h) => h.date)).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2027-01-01',
      '2027-01-06',
    ]);
  });

  it('a subdivision has its own holidays (Bavaria has Epiphany, Berlin does not)', () => {
    expect(publicHolidays('DE-BY', '2027-01-06', '2027-01-06')).toHaveLength(1);
    expect(publicHolidays('DE-BE', '2027-01-06', '2027-01-06')).toHaveLength(0);
  });

  it('knows countries and subdivisions, not made-up codes', () => {
    expect(isKnownHolidayCountry('PL')).toBe(true);
    expect(isKnownHolidayCountry('DE-BY')).toBe(true);
    expect(isKnownHolidayCountry('XX')).toBe(false);
    expect(isKnownHolidayCountry('DE-XX')).toBe(false);
    expect(publicHolidays(null, '2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('offers countries and subdivisions by name', () => {
    const options = holidayCountryOptions();
    expect(options).toContainEqual({ code: 'PL', name: 'Poland' });
    expect(options.find((o) => o.code === 'DE-BY')?.name).toMatch(/^Germany — /);
  });
});
