import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
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
  await db.execute(sql`
    with k as (
      select k.id, k.default_quantity, row_number() over (order by k.id) as n
      from contracts k join companies c on c.id = k.catering_id where c.name = 'dash Caterer 00000'
    )
    insert into service_days (contract_id, service_date, day_of_week, expected_quantity, status, served_quantity,
      served_quantity_confirmed_at, dispute_reason, disputed_at, original_served_quantity)
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
      case when d.off < -2 and (k.n + d.off) % 97 = 0 then k.default_quantity end
    from k
    cross join lateral (
      select off, ${BENCH_TODAY}::date + off as date from generate_series(${-HISTORY_DAYS}::int, ${AHEAD_DAYS - 1}::int) off
    ) d`);
  await analyze(db);
}

/** `report.dashboard` for the large caterer through the tRPC caller: warm-up, then 50 timed calls. */
export async function benchDashboard(db: Database): Promise<DashboardResult> {
  await seedDashboard(db);
  const session = await adminSession(db, 'dash Caterer 00000');
  const caller = callerFor(db, session, { now: BENCH_NOW });
  const visibleServiceDays = await count(
    db,
    sql`select count(*) as n from service_days sd join contracts k on k.id = sd.contract_id where k.catering_id = ${session.companyId}`,
  );
  const totalServiceDays = await count(db, sql`select count(*) as n from service_days`);
  const first = await caller.report.dashboard();
  if (first.companyType !== 'CATERING' || first.revenueByContract.length !== DASHBOARD_CONTRACTS) {
    throw new Error('the dashboard did not show the caterer its contracts');
  }
  for (let i = 1; i < WARM_UP_RUNS; i++) await caller.report.dashboard();
  const { result: samples, memory } = await withMemoryPeak(async () => {
    const out: number[] = [];
    for (let i = 0; i < DASHBOARD_RUNS; i++) {
      const started = performance.now();
      await caller.report.dashboard();
      out.push(performance.now() - started);
    }
    return out;
  });
  const summary = summarise(samples);
  return { ...summary, visibleServiceDays, totalServiceDays, memory, meetsTarget: summary.p95Ms < 100 };
}
