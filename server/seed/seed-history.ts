import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import { DEADLINE_INPUT_COLUMNS, daysWithDeadlines } from '@/server/services/service-days/deadlines';

/** Weeks of past service days the demo starts with, so every chart and report has data. */
export const HISTORY_WEEKS = 8;

// A stable pseudo-random spread in [-(span), span] per contract, date and purpose, so repeated
// seeds look the same and numbers still vary from day to day like real attendance does.
const jitter = (salt: string, span: number) =>
  sql.raw(`((abs(hashtext(c.id::text || dl.service_date::text || '${salt}')) % ${2 * span + 1}) - ${span})`);

/**
 * Past weeks for the demo contracts, in a few set-based statements:
 * - every contracted weekday of the last HISTORY_WEEKS weeks (client's calendar, office open)
 *   with a confirmed expected count near the default (a few locked by the deadline, no
 *   confirmer) and a served count near it, SERVED_CONFIRMED the afternoon of delivery;
 * - the latest past day of each contract left EXPECTED_CONFIRMED (awaiting the served count);
 * - one open dispute (recent) and one resolved dispute (the caterer's original count kept);
 * - the client of the second contract has already confirmed its next week.
 * The contracts' start dates move back so the history lies within their period. History
 * writes no outbox events: nobody should be e-mailed about weeks that are over.
 */
export async function seedDemoHistory(db: DbOrTx, contractIds: string[], now: Date): Promise<void> {
  if (contractIds.length === 0) return;
  const ids = sql.join(contractIds.map((id) => sql`${id}::uuid`), sql`, `);
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const clientToday = sql`((${nowTs} at time zone cl.timezone)::date)`;

  await db.execute(sql`
    update contracts c set start_date = least(c.start_date, ${clientToday} - ${HISTORY_WEEKS * 7}::int)
    from companies cl
    where cl.id = c.client_id and c.id in (${ids})`);

  // Every past date of every contract, with its deadline by the one deadline rule.
  const days = await daysWithDeadlines(
    db,
    sql`
      select c.id as contract_id, ${DEADLINE_INPUT_COLUMNS}
      from contracts c
      join companies cl on cl.id = c.client_id
      cross join lateral (
        select (${clientToday} - g.back)::date as service_date from generate_series(1, ${HISTORY_WEEKS * 7}::int) as g(back)
      ) sd
      where c.id in (${ids})`,
  );
  await db.execute(sql`
    insert into service_days (
      contract_id, service_date, day_of_week, expected_quantity, expected_quantity_confirmed_at,
      expected_quantity_confirmer_id, served_quantity, served_quantity_confirmed_at,
      served_quantity_confirmer_id, status, confirmation_deadline
    )
    select c.id, dl.service_date, extract(isodow from dl.service_date)::smallint, q.expected,
      ((dl.service_date - 2) + time '10:00') at time zone cl.timezone,
      case when ${jitter('lock', 5)} = 0 then null else (
        select u.id from users u where u.company_id = c.client_id and u.role = 'ADMIN' order by u.created_at limit 1
      ) end,
      greatest(0, q.expected + ${jitter('served', 4)} - 1),
      (dl.service_date + c.delivery_time + interval '3 hours') at time zone cl.timezone,
      (select u.id from users u where u.company_id = c.catering_id and u.role in ('ADMIN', 'MANAGER')
        order by u.role desc, u.created_at limit 1),
      'SERVED_CONFIRMED', dl.confirmation_deadline
    from ${days}
    join contracts c on c.id = dl.contract_id
    join companies cl on cl.id = c.client_id
    join contract_service_days csd
      on csd.contract_id = c.id and csd.day_of_week = extract(isodow from dl.service_date)
    cross join lateral (
      select greatest(c.min_daily_quantity, least(c.max_quantity, c.default_quantity + ${jitter('expected', 12)})) as expected
    ) q
    where dl.service_date >= c.start_date
      and not exists (
        select 1 from client_office_days o
        where o.company_id = c.client_id and o.day_of_week = extract(isodow from dl.service_date) and not o.is_work_day
      )
    on conflict (contract_id, service_date) do nothing`);

  // The latest past day of each contract: delivered, served count not entered yet.
  await db.execute(sql`
    update service_days sd
    set status = 'EXPECTED_CONFIRMED', served_quantity = null, served_quantity_confirmed_at = null,
      served_quantity_confirmer_id = null
    where sd.id in (
      select distinct on (sd2.contract_id) sd2.id
      from service_days sd2
      join contracts c on c.id = sd2.contract_id
      join companies cl on cl.id = c.client_id
      where sd2.contract_id in (${ids}) and sd2.service_date < ${clientToday}
      order by sd2.contract_id, sd2.service_date desc
    )`);

  const [first, second] = contractIds;
  // An open dispute on the first contract, on a day served a few days ago (within the window).
  await db.execute(sql`
    update service_days sd
    set status = 'DISPUTED',
      dispute_reason = 'Our headcount at the door was lower than the served count; please check the delivery note.',
      disputed_at = sd.served_quantity_confirmed_at + interval '20 hours',
      disputed_by_id = (select u.id from users u where u.company_id = c.client_id and u.role = 'ADMIN' order by u.created_at limit 1)
    from contracts c
    where c.id = sd.contract_id and sd.id = (
      select sd2.id from service_days sd2
      where sd2.contract_id = ${first}::uuid and sd2.status = 'SERVED_CONFIRMED'
        and sd2.served_quantity_confirmed_at > ${nowTs} - interval '6 days'
      order by sd2.service_date desc limit 1
    )`);

  // A resolved dispute on the second contract (or the first, if there is only one), weeks ago.
  await db.execute(sql`
    update service_days sd
    set original_served_quantity = sd.served_quantity,
      served_quantity = greatest(0, sd.served_quantity - 3),
      dispute_reason = 'Three meals were missing from the vegetarian tray.',
      disputed_at = sd.served_quantity_confirmed_at + interval '1 day',
      disputed_by_id = (select u.id from users u where u.company_id = c.client_id and u.role = 'ADMIN' order by u.created_at limit 1),
      dispute_resolution_note = 'Confirmed with the driver: three meals were short. Count corrected.',
      dispute_resolved_at = sd.served_quantity_confirmed_at + interval '2 days',
      dispute_resolved_by_id = (select u.id from users u where u.company_id = c.catering_id and u.role = 'ADMIN' order by u.created_at limit 1)
    from contracts c
    where c.id = sd.contract_id and sd.id = (
      select sd2.id from service_days sd2
      where sd2.contract_id = ${second ?? first}::uuid and sd2.status = 'SERVED_CONFIRMED'
        and sd2.service_date < ${now.toISOString()}::timestamptz::date - 14
      order by sd2.service_date desc limit 1
    )`);

  // The second contract's client has confirmed the coming week already (still before each deadline).
  if (second) {
    await db.execute(sql`
      update service_days sd
      set status = 'EXPECTED_CONFIRMED', expected_quantity = least(c.max_quantity, sd.expected_quantity + 5),
        expected_quantity_confirmed_at = ${nowTs},
        expected_quantity_confirmer_id = (select u.id from users u where u.company_id = c.client_id and u.role = 'ADMIN' order by u.created_at limit 1)
      from contracts c
      join companies cl on cl.id = c.client_id
      where c.id = sd.contract_id and sd.contract_id = ${second}::uuid and sd.status = 'PENDING'
        and sd.service_date between ${clientToday} + 3 and ${clientToday} + 7`);
  }
}

/** How many history days exist per status (for the seed's own test and a quick check). */
export async function historyCounts(db: DbOrTx, contractIds: string[]) {
  const ids = sql.join(contractIds.map((id) => sql`${id}::uuid`), sql`, `);
  return queryRows<{ status: string; n: number }>(
    db,
    sql`select status::text as status, count(*)::int as n from service_days where contract_id in (${ids}) group by status order by status`,
  );
}
