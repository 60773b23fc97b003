import { addDays } from '@/lib/dates';

/**
 * A contract's price over time: consecutive, non-overlapping periods, each from its first date
 * to its last (inclusive; `to: null` = open-ended). The first period starts on the contract's
 * start date, so every service date of the contract has exactly one price.
 *
 * Periods are stored with both ends (contract_prices.valid_from / valid_to), so SQL finds a
 * day's price by a plain range join and never re-derives "the latest change before this date".
 */
export interface PricePeriod {
  from: string;
  to: string | null;
  pricePerMealCents: number;
}

/**
 * The periods after a price change taking effect on `from`: periods that start on or after
 * `from` are replaced, the one in force on `from` ends the day before, and the new price runs
 * open-ended. A change to the price already in force is no change (the periods come back
 * as they are). Periods are sorted by `from`.
 */
export function applyPriceChange(
  periods: readonly PricePeriod[],
  change: { from: string; pricePerMealCents: number },
): PricePeriod[] {
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  const kept = sorted
    .filter((p) => p.from < change.from)
    .map((p) => (p.to === null || p.to >= change.from ? { ...p, to: addDays(change.from, -1) } : p));
  const last = kept.at(-1);
  // The same price as the period it would follow: that period simply runs on.
  if (last && last.pricePerMealCents === change.pricePerMealCents) {
    return [...kept.slice(0, -1), { ...last, to: null }];
  }
  return [...kept, { from: change.from, to: null, pricePerMealCents: change.pricePerMealCents }];
}

/** The earliest date a new price may take effect: past days keep the price they were served at. */
export function earliestPriceChangeDate(input: { clientToday: string; startDate: string }): string {
  return input.clientToday > input.startDate ? input.clientToday : input.startDate;
}

/**
 * The periods of a contract whose start date moved earlier: the first period begins on the new
 * start date, so every service date has a price. A later start changes nothing: days already
 * planned or served before it keep the price of their date.
 */
export function alignPricePeriodsToStart(periods: readonly PricePeriod[], startDate: string): PricePeriod[] {
  const [first, ...rest] = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  if (!first || first.from <= startDate) return first ? [first, ...rest] : [];
  return [{ ...first, from: startDate }, ...rest];
}
