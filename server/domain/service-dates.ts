import { addDays, eachDate, isoWeekday, localToday } from '@/lib/dates';

export const DEFAULT_HORIZON_DAYS = 28;

export interface OfficeDay {
  dayOfWeek: number; // ISO 1 = Monday … 7 = Sunday
  isWorkDay: boolean;
}

export interface ContractServiceDatesInput {
  startDate: string;
  endDate: string; // inclusive: the last possible service date
  serviceDays: number[]; // ISO weekdays
  officeDays?: OfficeDay[];
  closedDates?: string[];
  from: string;
  to: string; // inclusive
}

/**
 * The dates on which a contract is served within [from, to]: inside the contract period, on a
 * contracted weekday, while the client's office is open and not closed for that date.
 * Office days: no rows at all, or no row for a weekday, means open (a client that never set
 * its week up must still get its meals); only `isWorkDay: false` closes a weekday.
 */
export function contractServiceDates(input: ContractServiceDatesInput): string[] {
  const { startDate, endDate, serviceDays, officeDays = [], closedDates = [], from, to } = input;
  // 'YYYY-MM-DD' strings order like the dates they name.
  const first = from > startDate ? from : startDate;
  const last = to < endDate ? to : endDate;
  if (first > last) return [];

  const contracted = new Set(serviceDays);
  const closedWeekdays = new Set(officeDays.filter((d) => !d.isWorkDay).map((d) => d.dayOfWeek));
  const closed = new Set(closedDates);
  return eachDate(first, last).filter((date) => {
    const weekday = isoWeekday(date);
    return contracted.has(weekday) && !closedWeekdays.has(weekday) && !closed.has(date);
  });
}

/** Dates to generate service days for: the client's local today through today + horizon. */
export function generationWindow(
  now: Date,
  clientTimeZone: string,
  horizonDays: number = DEFAULT_HORIZON_DAYS,
): { from: string; to: string } {
  const from = localToday(now, clientTimeZone);
  return { from, to: addDays(from, horizonDays) };
}
