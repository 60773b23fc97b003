import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { queryRows } from '@/db/rows';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { callerFor } from '@/tests/support/callers';
import { adminSession, analyze, BENCH_NOW, BENCH_TODAY, seedTenants } from './support/fixtures';
import { summarise, type LatencySummary } from './support/measure';
import { TENANT_SCALE } from './service-day-generation';

export const CONFIRMATIONS = 200;
const CLIENTS = 20;

export type ConfirmResult = LatencySummary & { distinctDates: number };

/**
 * The tenant-scale background plus one caterer with 20 clients; every client's ADMIN confirms
 * 10 of its PENDING days (two days ahead or later, so before the 24 h deadline), one call at a
 * time through the tRPC caller. Each call locks the day, takes the (caterer, date) advisory
 * lock, sums the caterer's expected meals that date and checks it against the capacity.
 */
export async function benchConfirmExpected(db: Database): Promise<ConfirmResult> {
  await seedTenants(db, TENANT_SCALE);
  await seedTenants(db, {
    prefix: 'confirm',
    caterers: 1,
    clients: CLIENTS,
    contracts: CLIENTS,
    dailyCapacity: 5000,
    serviceWeekdays: [1, 2, 3, 4, 5],
  });
  await generateServiceDays(db, { now: BENCH_NOW });
  await analyze(db);
  const days = await queryRows<{ id: string; client_name: string; service_date: string; quantity: number }>(
    db,
    sql`
      select id, client_name, service_date, quantity from (
        select sd.id, cl.name as client_name, sd.service_date::text as service_date, k.default_quantity + 1 as quantity,
          row_number() over (partition by k.id order by sd.service_date) as n
        from service_days sd
        join contracts k on k.id = sd.contract_id
        join companies cl on cl.id = k.client_id
        join companies cat on cat.id = k.catering_id and cat.name = 'confirm Caterer 00000'
        where sd.status = 'PENDING' and sd.service_date >= ${BENCH_TODAY}::date + 2
      ) d
      where n <= ${CONFIRMATIONS / CLIENTS}::int
      order by service_date, client_name`,
  );
  if (days.length !== CONFIRMATIONS) throw new Error(`expected ${CONFIRMATIONS} open days, found ${days.length}`);
  const callers = new Map<string, ReturnType<typeof callerFor>>();
  for (const name of new Set(days.map((d) => d.client_name))) {
    callers.set(name, callerFor(db, await adminSession(db, name), { now: BENCH_NOW }));
  }
  const samples: number[] = [];
  for (const day of days) {
    const started = performance.now();
    const confirmed = await callers.get(day.client_name)!.serviceDay.confirmExpected({ id: day.id, quantity: Number(day.quantity) });
    samples.push(performance.now() - started);
    if (confirmed.status !== 'EXPECTED_CONFIRMED') throw new Error(`day ${day.id} was not confirmed`);
  }
  return { ...summarise(samples), distinctDates: new Set(days.map((d) => d.service_date)).size };
}
