import type { Sql } from 'postgres';
import { SCALE_NOW, TIME_ZONES, type Volumes } from './volumes';

/** First contract start: a year before the fixture's now; contracts start over ten weeks. */
const FIRST_START = '2025-03-03';
const HORIZON_DAYS = 28;
/** The cron's interval: a day whose deadline passed longer ago than this is already locked. */
const SWEEP_INTERVAL = '15 minutes';

const now = SCALE_NOW.toISOString();
const zones = `array[${TIME_ZONES.map((z) => `'${z}'`).join(',')}]`;

/**
 * Companies (caterers, then clients), profiles, office days (Mon–Fri), an ADMIN, a MANAGER and an
 * EMPLOYEE per company, and one live session per user. Numbered companies: `caterer-00042`.
 */
export async function insertTenants(sql: Sql, v: Volumes, passwordHash: string) {
  await sql.unsafe(`
    insert into companies (email, name, company_type, timezone, created_at, updated_at)
    select 'caterer-' || lpad(i::text, 5, '0') || '@bench.test', 'Caterer ' || lpad(i::text, 5, '0'), 'CATERING'::company_type,
      (${zones})[1 + i % ${TIME_ZONES.length}], timestamptz '2025-01-15', timestamptz '2025-01-15'
    from generate_series(0, ${v.caterers - 1}) i
    union all
    select 'client-' || lpad(i::text, 5, '0') || '@bench.test', 'Client ' || lpad(i::text, 5, '0'), 'CLIENT'::company_type,
      (${zones})[1 + i % ${TIME_ZONES.length}], timestamptz '2025-01-15', timestamptz '2025-01-15'
    from generate_series(0, ${v.clients - 1}) i`);
  await sql.unsafe(`
    create schema if not exists bench;
    create table bench.company as
    select id, company_type, timezone, split_part(split_part(email, '@', 1), '-', 1) as side,
      split_part(split_part(email, '@', 1), '-', 2)::int as n
    from companies`);
  await sql.unsafe(`insert into catering_profiles (company_id, daily_capacity) select id, 5000 from bench.company where side = 'caterer'`);
  await sql.unsafe(`insert into client_profiles (company_id) select id from bench.company where side = 'client'`);
  await sql.unsafe(`
    insert into client_office_days (company_id, day_of_week, is_work_day)
    select c.id, d, d <= 5 from bench.company c cross join generate_series(1, 7) d where c.side = 'client'`);
  await sql.unsafe(
    `insert into users (company_id, email, password_hash, role, created_at, updated_at)
     select c.id, lower(r.role) || '.' || c.side || '-' || lpad(c.n::text, 5, '0') || '@bench.test', $1, r.role::user_role,
       timestamptz '2025-01-15', timestamptz '2025-01-15'
     from bench.company c cross join (values ('ADMIN'), ('MANAGER'), ('EMPLOYEE')) r(role)`,
    [passwordHash],
  );
  await sql.unsafe(`
    insert into refresh_tokens (user_id, token_hash, family_id, expires_at, created_at, last_used_at)
    select u.id, encode(sha256(convert_to(u.id::text, 'UTF8')), 'hex'), gen_random_uuid(),
      timestamptz '${now}' + interval '20 days', timestamptz '${now}' - interval '10 days', timestamptz '${now}' - interval '1 hour'
    from users u`);
}

/**
 * 50 ACTIVE Mon–Fri contracts per caterer (pairs as in bench/support/fixtures.ts), with varied
 * quantities, prices, delivery times (11:00–13:30) and notice (24/36/48 h), started over ten weeks.
 * `bench.contract` keeps what the day rows need (zone, the client's local today, the users).
 */
export async function insertContracts(sql: Sql, v: Volumes) {
  const step = Math.floor(v.clients / v.caterers);
  await sql.unsafe(`
    with pairs as (
      select i, i % ${v.caterers} as cat_n, (i / ${v.caterers} + (i % ${v.caterers}) * ${step}) % ${v.clients} as cli_n
      from generate_series(0, ${v.contracts - 1}) i
    )
    insert into contracts (catering_id, client_id, status, min_daily_quantity, default_quantity, max_quantity,
      notice_hours, start_date, end_date, price_per_meal_cents, currency, delivery_time, created_at, updated_at)
    select cat.id, cli.id, 'ACTIVE', 5, 10 + p.i % 30, 60, (array[24, 24, 48, 36])[1 + p.i % 4],
      date '${FIRST_START}' + (p.i % 10) * 7, date '2026-12-31', 1200 + (p.i % 10) * 50,
      (select currency from companies where id = cat.id),
      time '11:00' + (p.i % 6) * interval '30 minutes',
      (date '${FIRST_START}' + (p.i % 10) * 7 - 14)::timestamptz, (date '${FIRST_START}' + (p.i % 10) * 7 - 14)::timestamptz
    from pairs p
    join bench.company cat on cat.side = 'caterer' and cat.n = p.cat_n
    join bench.company cli on cli.side = 'client' and cli.n = p.cli_n
    order by p.i`);
  await sql.unsafe(`
    insert into contract_service_days (contract_id, day_of_week, created_at)
    select k.id, d, k.created_at from contracts k cross join generate_series(1, 5) d`);
  // Every cost reads the price period in force on the day, as the app writes one at creation.
  await sql.unsafe(`
    insert into contract_prices (contract_id, valid_from, valid_to, price_per_meal_cents, created_at)
    select k.id, k.start_date, null, k.price_per_meal_cents, k.created_at from contracts k`);
  await sql.unsafe(`
    create table bench.contract as
    select k.id, row_number() over (order by k.created_at, cat.n, cli.n) as n, k.catering_id, k.client_id,
      k.default_quantity, k.min_daily_quantity, k.max_quantity, k.notice_hours, k.delivery_time, k.start_date,
      cli.timezone as tz, (timestamptz '${now}' at time zone cli.timezone)::date as local_today,
      (select u.id from users u where u.company_id = k.client_id and u.role = 'MANAGER') as client_manager,
      (select u.id from users u where u.company_id = k.catering_id and u.role = 'MANAGER') as caterer_manager,
      (select u.id from users u where u.company_id = k.catering_id and u.role = 'ADMIN') as caterer_admin
    from contracts k
    join bench.company cat on cat.id = k.catering_id
    join bench.company cli on cli.id = k.client_id`);
}

/**
 * The service days of [from, to): every weekday from the contract's start to the client's local
 * today + 28, stored in date order as the daily generation inserts them, with the states a year
 * of use leaves: served and counted (1 in 25 never counted, yesterday's half counted, disputes
 * 1 in 500: open in the last 30 days, resolved before), expected confirmed by a person or locked
 * at the deadline, still PENDING ahead (and those whose deadline passed since the last sweep).
 * `hasStoredDeadline`: the schema stores each day's confirmation deadline (SPEC §13).
 */
export async function insertServiceDays(sql: Sql, from: string, to: string, hasStoredDeadline: boolean) {
  await sql.unsafe(`
    insert into service_days (contract_id, service_date, day_of_week, expected_quantity,
      expected_quantity_confirmed_at, expected_quantity_confirmer_id, served_quantity, served_quantity_confirmed_at,
      served_quantity_confirmer_id, status, dispute_reason, disputed_at, disputed_by_id, original_served_quantity,
      dispute_resolution_note, dispute_resolved_at, dispute_resolved_by_id, reminder_sent_at,
      ${hasStoredDeadline ? 'confirmation_deadline,' : ''} created_at, updated_at)
    select contract_id, service_date, day_of_week,
      case when by_person then least(greatest(default_quantity + h % 7 - 3, min_daily_quantity), max_quantity)
        else default_quantity end,
      expected_at, case when by_person and expected_at is not null then client_manager end,
      case when served then served_qty end, case when served then served_at end,
      case when served then caterer_manager end,
      (case when served and dispute_open then 'DISPUTED' when served then 'SERVED_CONFIRMED'
        when expected_at is not null then 'EXPECTED_CONFIRMED' else 'PENDING' end)::service_day_status,
      case when served and disputed then 'We counted fewer trays.' end,
      case when served and disputed then served_at + interval '1 day' end,
      case when served and disputed then client_manager end,
      case when served and disputed then served_qty + 2 end,
      case when served and disputed and not dispute_open then 'Recounted with the delivery note.' end,
      case when served and disputed and not dispute_open then served_at + interval '2 days' end,
      case when served and disputed and not dispute_open then caterer_admin end,
      case when deadline - interval '24 hours' <= timestamptz '${now}' then deadline - interval '24 hours' end,
      ${hasStoredDeadline ? 'deadline,' : ''}
      created_at,
      greatest(created_at, expected_at, case when served then served_at end,
        case when served and disputed then served_at + interval '2 days' end)
    from (
      select d.*,
        -- Past the deadline: locked by a person before it (2 in 3) or by the sweep just after
        -- it; a day whose deadline passed since the last sweep is still PENDING.
        case
          when d.deadline > timestamptz '${now}' then
            case when d.service_date <= d.local_today + 7 and d.h % 3 <> 0
              then least(d.deadline, timestamptz '${now}') - (1 + d.h % 48) * interval '1 hour' end
          when d.by_person then d.deadline - (1 + d.h % 20) * interval '1 hour'
          when d.deadline > timestamptz '${now}' - interval '${SWEEP_INTERVAL}' then null
          else d.deadline + interval '5 minutes'
        end as expected_at,
        d.service_date < d.local_today - 1 and d.h % 25 <> 0 or d.service_date = d.local_today - 1 and d.h % 2 = 0 as served,
        d.h % 500 = 1 as disputed,
        d.h % 500 = 1 and d.service_date >= d.local_today - 30 as dispute_open
      from (
        select k.id as contract_id, k.n, s.service_date, extract(isodow from s.service_date)::smallint as day_of_week,
          k.default_quantity, k.min_daily_quantity, k.max_quantity, k.client_manager, k.caterer_manager, k.caterer_admin,
          k.local_today, s.h, s.h % 3 <> 0 as by_person,
          ((s.service_date + k.delivery_time) at time zone k.tz) - make_interval(hours => k.notice_hours) as deadline,
          ((s.service_date + k.delivery_time) at time zone k.tz) + interval '4 hours' as served_at,
          k.default_quantity - s.h % 3 as served_qty,
          greatest((s.service_date - ${HORIZON_DAYS})::timestamptz + interval '15 minutes', k.start_date::timestamptz - interval '14 days') as created_at
        from bench.contract k
        cross join lateral (
          select g::date as service_date, abs(hashtext(k.id::text || g::date::text)) as h
          from generate_series(greatest(k.start_date, date '${from}'), least(k.local_today + ${HORIZON_DAYS}, date '${to}' - 1), interval '1 day') g
          where extract(isodow from g) <= 5
        ) s
      ) d
    ) x
    order by service_date, n`);
}

/**
 * `processed` PROCESSED events of the last 30 days (the retention window), in the order they were
 * written, with the payloads the app writes (server/outbox/events.ts), and their ledger rows (notifications + email).
 */
export async function insertProcessedEvents(sql: Sql, processed: number) {
  const types = `array['service_day.expected_confirmed', 'service_day.expected_confirmed', 'service_day.expected_confirmed',
    'service_day.expected_confirmed', 'service_day.served_confirmed', 'service_day.served_confirmed',
    'service_day.served_confirmed', 'service_day.expected_auto_locked', 'service_day.expected_auto_locked', 'contract.updated']`;
  await sql.unsafe(`
    insert into outbox_events (aggregate_id, event_type, payload, status, next_retry_at, processed_at, created_at, updated_at)
    select e.day_id, e.type,
      jsonb_build_object('contractId', k.id, 'cateringId', k.catering_id, 'clientId', k.client_id,
        'actorCompanyId', case when e.type like '%served%' then k.catering_id when e.type like '%auto_locked' then null else k.client_id end,
        'actorUserId', case when e.type like '%served%' then k.caterer_manager when e.type like '%auto_locked' then null else k.client_manager end)
      || case e.type
        when 'contract.updated' then jsonb_build_object('changed', jsonb_build_array('defaultQuantity'),
          'lockedServiceDays', 0, 'replacedServiceDays', 20, 'generatedServiceDays', 20)
        when 'service_day.expected_confirmed' then jsonb_build_object('serviceDayId', e.day_id,
          'serviceDate', to_char(e.at::date, 'YYYY-MM-DD'), 'previousQuantity', k.default_quantity, 'quantity', k.default_quantity + 1)
        when 'service_day.served_confirmed' then jsonb_build_object('serviceDayId', e.day_id,
          'serviceDate', to_char(e.at::date, 'YYYY-MM-DD'), 'expectedQuantity', k.default_quantity, 'servedQuantity', k.default_quantity - 1)
        else jsonb_build_object('serviceDayId', e.day_id, 'serviceDate', to_char(e.at::date, 'YYYY-MM-DD'),
          'expectedQuantity', k.default_quantity) end,
      'PROCESSED', e.at, e.at + interval '2 seconds', e.at, e.at + interval '2 seconds'
    from (
      select i, (${types})[1 + i % 10] as type, gen_random_uuid() as day_id,
        timestamptz '${now}' - interval '30 days' + i * (interval '30 days' / ${processed}) as at
      from generate_series(0, ${processed - 1}) i
    ) e
    join bench.contract k on k.n = 1 + (e.i::bigint * 7919) % (select count(*) from bench.contract)
    order by e.i`);
  await sql.unsafe(`
    insert into processed_events (event_key, handler_name, processed_at)
    select e.id || ':' || h.name, h.name, e.processed_at
    from outbox_events e cross join (values ('notifications'), ('email')) h(name)
    where e.status = 'PROCESSED'
    order by e.processed_at, h.name`);
}

/** Month boundaries covering every day the fixture stores (chunks of the service-day insert). */
export function monthChunks(): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (let d = new Date(`${FIRST_START.slice(0, 7)}-01T00:00:00Z`); d < new Date('2026-05-01T00:00:00Z'); ) {
    const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    out.push({ from: d.toISOString().slice(0, 10), to: next.toISOString().slice(0, 10) });
    d = next;
  }
  return out;
}
