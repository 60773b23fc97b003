import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows, sqlArray } from '@/db/rows';
import { addDays } from '@/lib/dates';
import { DEFAULT_HORIZON_DAYS } from '@/server/domain/service-dates';
import { publicHolidays } from '@/server/domain/holidays';
import { CALENDAR_KEY_SQL, deadlinesOf, type DeadlineInputRow } from './deadlines';

export interface GenerateServiceDaysOptions {
  now: Date;
  /** Only this contract (contract create/resume/update); all ACTIVE contracts when omitted (cron). */
  contractId?: string;
  /** Only the contracts of this company (either side), e.g. after one of its closures was removed. */
  companyId?: string;
  horizonDays?: number;
}

/**
 * Creates the PENDING service days of ACTIVE contracts for the client's local today through
 * today + horizon, set-based (the SQL twin of `contractServiceDates`): inside [start_date,
 * end_date], on a contracted ISO weekday, while the client's office is open (no
 * client_office_days row for the weekday = open; only is_work_day = false closes it), outside
 * every closure of either party (company-wide or of this contract) and their public holidays.
 * Idempotent: existing days are left untouched. Returns how many days were created.
 *
 * Each day's confirmation deadline comes from the one deadline rule, in TypeScript: a first
 * statement lists the distinct deadline inputs (date, delivery time, notice, zone) of the
 * missing days, a few hundred at most; the rule runs once per input; the insert joins them
 * back. The days themselves never leave the database.
 *
 * The contracts and client companies are share-locked until the caller's transaction ends, so
 * a concurrent change of notice, delivery time or time zone waits (and then recomputes these
 * days) instead of leaving days with a deadline computed from the old settings.
 *
 * Cost notes: the client's local today is computed once per client (a time-zone conversion per
 * candidate row was the bulk of the work); each contract's date series is clipped to its own
 * start/end date; days that already exist are skipped with an index probe, so a re-run inserts
 * nothing. ON CONFLICT still covers a concurrent run.
 */
export async function generateServiceDays(db: DbOrTx, options: GenerateServiceDaysOptions): Promise<number> {
  const { now, contractId, companyId, horizonDays = DEFAULT_HORIZON_DAYS } = options;
  const onlyContract = contractId ? sql`and c.id = ${contractId}::uuid` : sql``;
  const onlyCompany = companyId ? sql`and ${companyId}::uuid in (c.client_id, c.catering_id)` : sql``;
  return db.transaction(async (tx) => {
    // Public holidays of the parties that have a holiday calendar, over the window (in UTC
    // dates, a day wider on each side than any client's local window).
    const firstDate = addDays(now.toISOString().slice(0, 10), -1);
    const lastDate = addDays(firstDate, horizonDays + 2);
    const withHolidays = await queryRows<{ id: string; holiday_country: string }>(
      tx,
      sql`select co.id, co.holiday_country from companies co
          where co.holiday_country is not null and co.deleted_at is null and exists (
            select 1 from contracts c where c.status = 'ACTIVE' and c.deleted_at is null ${onlyContract} ${onlyCompany}
              and co.id in (c.client_id, c.catering_id))`,
    );
    const holidays = withHolidays.flatMap((co) =>
      publicHolidays(co.holiday_country, firstDate, lastDate).map((h) => ({ companyId: co.id, date: h.date })),
    );
    const missingDays = sql`
    with active as (
      select c.id, c.client_id, c.catering_id, c.default_quantity, c.default_diets, c.start_date, c.end_date, c.delivery_time, c.notice_mode,
        c.notice_hours, c.notice_business_days, c.cutoff_time, ${sql.raw(CALENDAR_KEY_SQL)} as calendar_key
      from contracts c
      where c.status = 'ACTIVE' and c.deleted_at is null ${onlyContract} ${onlyCompany}
      for share
    ),
    -- Materialized: the time-zone conversion then runs once per client, not once per row.
    client_today as materialized (
      select cl.id as client_id, cl.timezone, local.today, extract(isodow from local.today)::int as today_weekday
      from companies cl
      cross join lateral (select (${now.toISOString()}::timestamptz at time zone cl.timezone)::date as today) local
      where cl.deleted_at is null and cl.id in (select a.client_id from active a)
      for share of cl
    ),
    candidates as (
      select a.id as contract_id, t.today + g.offset_days as service_date,
        ((t.today_weekday - 1 + g.offset_days) % 7 + 1)::smallint as day_of_week,
        a.default_quantity, a.default_diets, a.client_id, a.catering_id, a.delivery_time, a.notice_mode, a.notice_hours,
        a.notice_business_days, a.cutoff_time, a.calendar_key, t.timezone
      from active a
      join client_today t on t.client_id = a.client_id
      cross join lateral generate_series(
        greatest(a.start_date - t.today, 0),
        least(a.end_date - t.today, ${horizonDays}::int)
      ) as g(offset_days)
    )
    select d.contract_id, d.service_date, d.day_of_week, d.default_quantity, d.default_diets, d.delivery_time, d.notice_mode, d.notice_hours,
      d.notice_business_days, d.cutoff_time, d.timezone, d.calendar_key
    from candidates d
    join contract_service_days csd on csd.contract_id = d.contract_id and csd.day_of_week = d.day_of_week
    where not exists (
        select 1 from client_office_days o
        where o.company_id = d.client_id and o.day_of_week = d.day_of_week and not o.is_work_day
      )
      -- Closed: a closure of either party (company-wide, or of this contract), or a public holiday.
      and not exists (
        select 1 from closures x
        where x.company_id in (d.client_id, d.catering_id) and x.deleted_at is null
          and x.start_date <= d.service_date and x.end_date >= d.service_date
          and (x.contract_id is null or x.contract_id = d.contract_id)
      )
      and not exists (
        select 1 from unnest(${sqlArray(holidays.map((h) => h.companyId), 'uuid')}, ${sqlArray(holidays.map((h) => h.date), 'date')})
          as h(company_id, holiday)
        where h.holiday = d.service_date and h.company_id in (d.client_id, d.catering_id)
      )
      -- Existing days are skipped here (a CANCELLED one may come back). No client's today is
      -- before the UTC date of now - 1 (UTC-12), so the probe never needs older days than that.
      and not exists (
        select 1 from service_days sd
        where sd.contract_id = d.contract_id and sd.service_date = d.service_date
          and sd.service_date >= ${firstDate}::date and sd.status <> 'CANCELLED'
      )`;
    const inputs = await queryRows<DeadlineInputRow>(
      tx,
      sql`select distinct to_char(m.service_date, 'YYYY-MM-DD') as service_date, m.delivery_time::text as delivery_time,
            m.notice_mode, m.notice_hours, m.notice_business_days, m.cutoff_time::text as cutoff_time, m.timezone, m.calendar_key
          from (${missingDays}) m`,
    );
    if (inputs.length === 0) return 0;
    const column = <K extends keyof DeadlineInputRow>(key: K) => inputs.map((i) => i[key]);
    const [row] = await queryRows<{ created: number }>(
      tx,
      sql`
        with inserted as (
          insert into service_days (contract_id, service_date, day_of_week, expected_quantity, diets, confirmation_deadline, status)
          select m.contract_id, m.service_date, m.day_of_week, m.default_quantity, m.default_diets, dl.deadline, 'PENDING'
          from (${missingDays}) m
          join unnest(
            ${sqlArray(column('service_date'), 'date')}, ${sqlArray(column('delivery_time'), 'time')},
            ${sqlArray(column('notice_mode'), 'text')}, ${sqlArray(column('notice_hours'), 'int')},
            ${sqlArray(column('notice_business_days'), 'int')}, ${sqlArray(column('cutoff_time'), 'time')},
            ${sqlArray(column('timezone'), 'text')}, ${sqlArray(column('calendar_key'), 'text')},
            ${sqlArray(await deadlinesOf(tx, inputs), 'timestamptz')}
          ) as dl(service_date, delivery_time, notice_mode, notice_hours, notice_business_days, cutoff_time, timezone, calendar_key, deadline)
            on dl.service_date = m.service_date and dl.delivery_time = m.delivery_time
            and dl.notice_mode = m.notice_mode::text and dl.notice_hours = m.notice_hours
            and dl.notice_business_days = m.notice_business_days and dl.cutoff_time = m.cutoff_time
            and dl.timezone = m.timezone and dl.calendar_key = m.calendar_key
          -- A CANCELLED day whose closure is gone is planned again, if its deadline is still ahead.
          on conflict (contract_id, service_date) do update
            set status = 'PENDING', expected_quantity = excluded.expected_quantity, diets = excluded.diets,
              confirmation_deadline = excluded.confirmation_deadline, expected_quantity_confirmed_at = null,
              expected_quantity_confirmer_id = null, reminder_sent_at = null, cancelled_at = null, cancellation_reason = null
            where service_days.status = 'CANCELLED' and excluded.confirmation_deadline > ${now.toISOString()}::timestamptz
          returning 1
        )
        select count(*)::int as created from inserted`,
    );
    return Number(row?.created ?? 0);
  });
}
