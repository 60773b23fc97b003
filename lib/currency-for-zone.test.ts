import { describe, expect, it } from 'vitest';
import { currencyForTimeZone } from './currency-for-zone';
import { DEFAULT_CURRENCY } from './limits';

describe('currencyForTimeZone', () => {
  it.each([
    ['Europe/Warsaw', 'PLN'],
    ['America/New_York', 'USD'],
    ['Asia/Kolkata', 'INR'],
    ['Europe/London', 'GBP'],
    ['Europe/Berlin', 'EUR'],
    ['Europe/Zurich', 'CHF'],
  ])('%s → %s (the zone’s own country)', (zone, currency) => {
    expect(currencyForTimeZone(zone)).toBe(currency);
  });

  it('zones without a country, and unknown ones, fall back', () => {
    expect(currencyForTimeZone('UTC')).toBe(DEFAULT_CURRENCY);
    expect(currencyForTimeZone('Etc/GMT+5')).toBe(DEFAULT_CURRENCY);
    expect(currencyForTimeZone('Mars/Olympus')).toBe(DEFAULT_CURRENCY);
  });
});
