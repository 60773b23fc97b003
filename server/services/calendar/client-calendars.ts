import { allQueries } from '@/db/concurrent';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows, sqlArray } from '@/db/rows';
import { addDays } from '@/lib/dates';
import { MAX_BUSINESS_DAY_LOOKBACK_DAYS, type ClientCalendar } from '@/server/domain/deadline';
import { publicHolidays } from '@/server/domain/holidays';

/**
 * The calendars the business-day notice reads (office days, company-wide closures, public
 * holidays) of the given clients, for service dates from `from` to `to`: closures and holidays
 * are loaded as far back as the rule may count. Contract-scoped closures do not move deadlines.
 */
export async function loadClientCalendars(
  db: DbOrTx,
  clientIds: readonly string[],
  range: { from: string; to: string },
): Promise<Map<string, ClientCalendar>> {
  const ids = [...new Set(clientIds)];
  const calendars = new Map<string, ClientCalendar>();
  if (ids.length === 0) return calendars;
  const earliest = addDays(range.from, -MAX_BUSINESS_DAY_LOOKBACK_DAYS);
  const idArray = sqlArray(ids, 'uuid');
  const [companies, officeDays, closures] = await allQueries([
    queryRows<{ id: string; holiday_country: string | null }>(
      db,
      sql`select id, holiday_country from companies where id = any(${idArray})`,
    ),
    queryRows<{ company_id: string; day_of_week: number }>(
      db,
      sql`select company_id, day_of_week from client_office_days where company_id = any(${idArray}) and not is_work_day`,
    ),
    queryRows<{ company_id: string; start_date: string; end_date: string }>(
      db,
      sql`select company_id, to_char(start_date, 'YYYY-MM-DD') as start_date, to_char(end_date, 'YYYY-MM-DD') as end_date
          from closures
          where company_id = any(${idArray}) and contract_id is null and deleted_at is null
            and end_date >= ${earliest}::date and start_date <= ${range.to}::date`,
    ),
  ]);
  for (const c of companies) {
    calendars.set(c.id, {
      closedWeekdays: officeDays.filter((o) => o.company_id === c.id).map((o) => Number(o.day_of_week)),
      closures: closures.filter((x) => x.company_id === c.id).map((x) => ({ from: x.start_date, to: x.end_date })),
      holidays: publicHolidays(c.holiday_country, earliest, range.to).map((h) => h.date),
    });
  }
  return calendars;
}
