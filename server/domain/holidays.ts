import Holidays from 'date-holidays';

/**
 * Public holidays from `date-holidays` (a maintained, worldwide rule set), never a hand-typed
 * list. A code is a country (ISO 3166-1 alpha-2, 'PL') or a country's subdivision ('DE-BY').
 * Only holidays of type `public` count: bank, school, optional and observance days do not
 * close an office. Pure: the rules ship with the library; results are cached per year.
 */

const calendars = new Map<string, Holidays | null>();
const years = new Map<string, { date: string; name: string }[]>();
let directory: Holidays | undefined;
const directoryOf = () => (directory ??= new Holidays());

function calendarOf(code: string): Holidays | null {
  let calendar = calendars.get(code);
  if (calendar === undefined) {
    const [country = '', state, ...rest] = code.split('-');
    const known =
      rest.length === 0 &&
      Object.hasOwn(directoryOf().getCountries('en') ?? {}, country) &&
      (!state || Object.hasOwn(directoryOf().getStates(country, 'en') ?? {}, state));
    const opts = { types: ['public' as const] };
    calendar = !known ? null : state ? new Holidays(country, state, opts) : new Holidays(country, opts);
    calendars.set(code, calendar);
  }
  return calendar;
}

/** True for a code `date-holidays` knows (a country, or a subdivision of one). */
export function isKnownHolidayCountry(code: string): boolean {
  return calendarOf(code) !== null;
}

function holidaysOfYear(code: string, year: number): { date: string; name: string }[] {
  const key = `${code}|${year}`;
  let list = years.get(key);
  if (!list) {
    const calendar = calendarOf(code);
    list = calendar
      ? [
          ...new Map(
            calendar
              .getHolidays(year, 'en')
              .filter((h) => h.type === 'public')
              .map((h) => [h.date.slice(0, 10), { date: h.date.slice(0, 10), name: h.name }] as const),
          ).values(),
        ]
      : [];
    years.set(key, list);
  }
  return list;
}

/** The public holidays of `code` from `from` to `to` (inclusive 'YYYY-MM-DD'), by date. */
export function publicHolidays(code: string | null, from: string, to: string): { date: string; name: string }[] {
  if (!code) return [];
  const out: { date: string; name: string }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of holidaysOfYear(code, year)) if (h.date >= from && h.date <= to) out.push(h);
  }
  return out;
}

let options: { code: string; name: string }[] | undefined;

/** Every country and subdivision, for a select with search: "Germany — Bavaria" → 'DE-BY'. */
export function holidayCountryOptions(): { code: string; name: string }[] {
  if (!options) {
    const hd = directoryOf();
    const countries = Object.entries(hd.getCountries('en') ?? {}).sort((a, b) => a[1].localeCompare(b[1]));
    options = countries.flatMap(([code, name]) => [
      { code, name },
      ...Object.entries(hd.getStates(code, 'en') ?? {})
        .sort((a, b) => a[1].localeCompare(b[1]))
        .map(([state, stateName]) => ({ code: `${code}-${state}`, name: `${name} — ${stateName}` })),
    ]);
  }
  return options;
}
