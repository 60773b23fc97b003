import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { DEADLINE_INPUT_COLUMNS, daysWithDeadlines } from '@/server/services/service-days/deadlines';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { callerFor } from '@/tests/support/callers';
import { adminSession, analyze, BENCH_NOW, BENCH_TODAY, count, seedTenants } from './support/fixtures';
import { summarise, withMemoryPeak, type LatencySummary, type MemoryPeak } from './support/measure';
import { TENANT_SCALE } from './service-day-generation';

export const DASHBOARD_CONTRACTS = 200;
/** 45 days of history and 15 ahead (today included): the dashboard's 30-day revenue and 14-day plan. */
const HISTORY_DAYS = 45;
const AHEAD_DAYS = 15;
const WARM_UP_RUNS = 5;
export const DASHBOARD_RUNS = 50;

export type DashboardResult = LatencySummary & {
  visibleServiceDays: number;
  totalServiceDays: number;
  /** The same 50 calls before the other tenants' history was added (their days all ahead). */
  beforeBackgroundHistory: LatencySummary & { totalServiceDays: number };
  memory: MemoryPeak;
  meetsTarget: boolean;
};

/**
 * One large caterer ("dash Caterer 00000": 200 clients, a contract with each, a service day
 * every day for 60 days: mostly served in the past, a few disputed, the last days still
 * awaiting their served count) next to the tenant-scale background with its generated days.
 */
async function seedDashboard(db: Database) {
  await seedTenants(db, TENANT_SCALE);
  await generateServiceDays(db, { now: BENCH_NOW });
  await seedTenants(db, {
    prefix: 'dash',
    caterers: 1,
    clients: DASHBOARD_CONTRACTS,
    contracts: DASHBOARD_CONTRACTS,
    dailyCapacity: 8000,
    serviceWeekdays: [1, 2, 3, 4, 5, 6, 7],
  });
  const days = await daysWithDeadlines(
    db,
    sql`
      select c.id as contract_id, ${DEADLINE_INPUT_COLUMNS}
      from contracts c
      join companies cat on cat.id = c.catering_id and cat.name = 'dash Caterer 00000'
      join companies cl on cl.id = c.client_id
      cross join lateral (
        select ${BENCH_TODAY}::date + off as service_date from generate_series(${-HISTORY_DAYS}::int, ${AHEAD_DAYS - 1}::int) off
      ) sd`,
  );
  await db.execute(sql`
    with k as (
      select k.id, k.default_quantity, row_number() over (order by k.id) as n
      from contracts k join companies c on c.id = k.catering_id where c.name = 'dash Caterer 00000'
    )
    insert into service_days (contract_id, service_date, day_of_week, expected_quantity, status, served_quantity,
      served_quantity_confirmed_at, dispute_reason, disputed_at, original_served_quantity, confirmation_deadline)
    select k.id, d.date, extract(isodow from d.date)::smallint, k.default_quantity,
      (case
        when d.off >= 0 then (case when (k.n + d.off) % 3 = 0 then 'EXPECTED_CONFIRMED' else 'PENDING' end)
        when d.off >= -2 then 'PENDING'
        when (k.n + d.off) % 97 = 0 then 'DISPUTED'
        else 'SERVED_CONFIRMED' end)::service_day_status,
      case when d.off < -2 then k.default_quantity - (k.n + d.off) % 3 end,
      case when d.off < -2 then d.date + time '15:00' end,
      case when d.off < -2 and (k.n + d.off) % 97 = 0 then 'We counted fewer trays.' end,
      case when d.off < -2 and (k.n + d.off) % 97 = 0 then d.date + time '18:00' end,
      case when d.off < -2 and (k.n + d.off) % 97 = 0 then k.default_quantity end,
      d.confirmation_deadline
    from k
    join (
      select dl.contract_id, dl.service_date - ${BENCH_TODAY}::date as off, dl.service_date as date, dl.confirmation_deadline
      from ${days}
    ) d on d.contract_id = k.id`);
  await analyze(db);
}

/**
 * The other tenants' past: every contracted weekday from the contracts' start up to yesterday,
 * served and confirmed, except the last weekday (still awaiting its served count) and 1 day in
 * 25 that was never counted. These are the rows a query that is not bounded by the viewer's
 * own contracts would wade through.
 */
async function seedBackgroundHistory(db: Database) {
  const days = await daysWithDeadlines(
    db,
    sql`
      select c.id as contract_id, ${DEADLINE_INPUT_COLUMNS}
      from contracts c
      join companies cat on cat.id = c.catering_id and cat.name like 'tenant %'
      join companies cl on cl.id = c.client_id
      cross join lateral (
        select g::date as service_date from generate_series(c.start_date::timestamp, ${BENCH_TODAY}::date - 1, interval '1 day') g
      ) sd
      join contract_service_days csd on csd.contract_id = c.id and csd.day_of_week = extract(isodow from sd.service_date)`,
  );
  await db.execute(sql`
    insert into service_days (contract_id, service_date, day_of_week, expected_quantity, status, served_quantity,
      served_quantity_confirmed_at, confirmation_deadline)
    select k.id, d.date, extract(isodow from d.date)::smallint, k.default_quantity,
      (case when d.date >= ${BENCH_TODAY}::date - 3 or abs(hashtext(k.id::text || d.date)) % 25 = 0
        then 'PENDING' else 'SERVED_CONFIRMED' end)::service_day_status,
      case when not (d.date >= ${BENCH_TODAY}::date - 3 or abs(hashtext(k.id::text || d.date)) % 25 = 0)
        then k.default_quantity end,
      case when not (d.date >= ${BENCH_TODAY}::date - 3 or abs(hashtext(k.id::text || d.date)) % 25 = 0)
        then d.date + time '15:00' end,
      d.confirmation_deadline
    from (select dl.contract_id, dl.service_date as date, dl.confirmation_deadline from ${days}) d
    join contracts k on k.id = d.contract_id`);
  await analyze(db);
}

/** Warm-up, then 50 timed calls. */
async function timeDashboard(call: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARM_UP_RUNS; i++) await call();
  const out: number[] = [];
  for (let i = 0; i < DASHBOARD_RUNS; i++) {
    const started = performance.now();
    await call();
    out.push(performance.now() - started);
  }
  return out;
}

/**
 * `report.dashboard` for the large caterer through the tRPC caller, 50 timed calls; first with
 * the other tenants' days all ahead, then again after their history (including past days still
 * without a served count) was added: the caterer's figures must not depend on other tenants.
 */
export async function benchDashboard(db: Database): Promise<DashboardResult> {
  await seedDashboard(db);
  const session = await adminSession(db, 'dash Caterer 00000');
  const caller = callerFor(db, session, { now: BENCH_NOW });
  const visibleServiceDays = await count(
    db,
    sql`select count(*) as n from service_days sd join contracts k on k.id = sd.contract_id where k.catering_id = ${session.companyId}`,
  );
  const totalServiceDays = () => count(db, sql`select count(*) as n from service_days`);
  const first = await caller.report.dashboard();
  if (first.companyType !== 'CATERING' || first.revenueByContract.length !== DASHBOARD_CONTRACTS) {
    throw new Error('the dashboard did not show the caterer its contracts');
  }
  const before = { ...summarise(await timeDashboard(() => caller.report.dashboard())), totalServiceDays: await totalServiceDays() };

  await seedBackgroundHistory(db);
  const again = await caller.report.dashboard();
  if (JSON.stringify(again) !== JSON.stringify(first)) {
    throw new Error("other tenants' history changed the caterer's dashboard");
  }
  const { result: samples, memory } = await withMemoryPeak(() => timeDashboard(() => caller.report.dashboard()));
  const summary = summarise(samples);
  return {
    ...summary,
    visibleServiceDays,
    totalServiceDays: await totalServiceDays(),
    beforeBackgroundHistory: before,
    memory,
    meetsTarget: summary.p95Ms < 100 && before.p95Ms < 100,
  };
}
