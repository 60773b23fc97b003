import { getTimezone } from 'countries-and-timezones';
import countryToCurrency from 'country-to-currency';
import { DEFAULT_CURRENCY } from './limits';


/**
 * The currency a company in this IANA zone most likely bills in: the currency of the zone's own
 * country (Europe/Warsaw → PLN, America/New_York → USD, Asia/Kolkata → INR), the default currency for
 * zones without a country (UTC, Etc/*). Only a suggestion: sign-up shows it and the user may
 * change it.
 */
export function currencyForTimeZone(zone: string): string {
  const country = getTimezone(zone)?.countries[0];
  const currency = country ? (countryToCurrency as Record<string, string>)[country] : undefined;
  return currency ?? DEFAULT_CURRENCY;
}
