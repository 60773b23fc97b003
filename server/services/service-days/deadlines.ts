import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows, sqlArray } from '@/db/rows';
import type { NoticeMode } from '@/lib/enums';
import { createDeadlineCalculator, type ClientCalendar } from '@/server/domain/deadline';
import { loadClientCalendars } from '@/server/services/calendar/client-calendars';
import { toHhMm } from '@/lib/dates';

/**
 * A day's deadline inputs as SQL reads them: times as 'HH:MM:SS' text; `calendar_key` is the
 * client's id for BUSINESS_DAYS notice (whose deadline reads the client's calendar), '' for HOURS.
 */
export type DeadlineInputRow = {
  service_date: string;
  delivery_time: string;
  notice_mode: NoticeMode;
  notice_hours: number;
  notice_business_days: number;
  cutoff_time: string;
  timezone: string;
  calendar_key: string;
};

/** `calendar_key` of DeadlineInputRow, for aliases c (contracts). */
export const CALENDAR_KEY_SQL = `(case when c.notice_mode = 'BUSINESS_DAYS' then c.client_id::text else '' end)`;

/**
 * The SELECT list that reads a day's deadline inputs, for aliases sd (service_days),
 * c (contracts) and cl (the client company).
 */
export const DEADLINE_INPUT_COLUMNS = sql.raw(
  `to_char(sd.service_date, 'YYYY-MM-DD') as service_date, c.delivery_time::text as delivery_time, c.notice_mode,
   c.notice_hours, c.notice_business_days, c.cutoff_time::text as cutoff_time, cl.timezone, ${CALENDAR_KEY_SQL} as calendar_key`,
);

/**
 * The confirmation deadline of each row, by the one deadline rule. Rows with business-day
 * notice read their client's calendar, loaded here once for all of them; HOURS rows need none.
 */
export async function deadlinesOf(db: DbOrTx, rows: readonly DeadlineInputRow[]): Promise<Date[]> {
  const business = rows.filter((r) => r.calendar_key !== '');
  let calendars = new Map<string, ClientCalendar>();
  if (business.length > 0) {
    const dates = business.map((r) => r.service_date).sort();
    calendars = await loadClientCalendars(db, business.map((r) => r.calendar_key), { from: dates[0]!, to: dates.at(-1)! });
  }
  const deadline = createDeadlineCalculator();
  return rows.map((r) =>
    deadline({
      serviceDate: r.service_date,
      deliveryTime: toHhMm(r.delivery_time),
      noticeMode: r.notice_mode,
      noticeHours: Number(r.notice_hours),
      noticeBusinessDays: Number(r.notice_business_days),
      cutoffTime: toHhMm(r.cutoff_time),
      timeZone: r.timezone,
      calendar: r.calendar_key ? calendars.get(r.calendar_key) : undefined,
    }),
  );
}

/**
 * After a deadline input changed (the contract's notice or delivery time, the client's time
 * zone, a closure of the client, its holiday calendar), moves the stored deadlines of the days in scope to what the rule now says, in the
 * caller's transaction, but only for days whose deadline is still ahead at `now`: a deadline
 * that has passed never moves, so no change of settings can re-open a day. The days are locked
 * first, so a confirmation running at the same time checks either the old or the new deadline,
 * never a mix. Returns how many deadlines moved.
 */
export async function recomputeOpenDeadlines(
  tx: DbOrTx,
  scope: { contractId: string } | { clientId: string },
  now: Date,
): Promise<number> {
  const inScope: SQL =
    'contractId' in scope ? sql`c.id = ${scope.contractId}::uuid` : sql`c.client_id = ${scope.clientId}::uuid`;
  const open = await queryRows<DeadlineInputRow & { id: string }>(
    tx,
    sql`
      select sd.id, ${DEADLINE_INPUT_COLUMNS}
      from contracts c
      join companies cl on cl.id = c.client_id
      join service_days sd on sd.contract_id = c.id
      where ${inScope} and sd.confirmation_deadline > ${now.toISOString()}::timestamptz
      order by sd.id
      for update of sd`,
  );
  if (open.length === 0) return 0;
  const [row] = await queryRows<{ moved: number }>(
    tx,
    sql`
      with moved as (
        update service_days sd set confirmation_deadline = n.deadline
        from unnest(${sqlArray(open.map((d) => d.id), 'uuid')}, ${sqlArray(await deadlinesOf(tx, open), 'timestamptz')}) as n(id, deadline)
        where sd.id = n.id and sd.confirmation_deadline is distinct from n.deadline
        returning 1
      )
      select count(*)::int as moved from moved`,
  );
  return Number(row?.moved ?? 0);
}

/**
 * For set-based inserts of days with other columns (demo history, benchmark fixtures): runs
 * `days`, a SELECT of `contract_id` and DEADLINE_INPUT_COLUMNS, and returns its days with
 * their deadlines as the FROM item `dl(contract_id, service_date, confirmation_deadline)`.
 */
export async function daysWithDeadlines(db: DbOrTx, days: SQL): Promise<SQL> {
  const rows = await queryRows<DeadlineInputRow & { contract_id: string }>(db, days);
  return sql`unnest(
    ${sqlArray(rows.map((r) => r.contract_id), 'uuid')}, ${sqlArray(rows.map((r) => r.service_date), 'date')},
    ${sqlArray(await deadlinesOf(db, rows), 'timestamptz')}
  ) as dl(contract_id, service_date, confirmation_deadline)`;
}
