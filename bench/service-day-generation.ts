import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { analyze, BENCH_NOW, count, seedTenants, type TenantShape } from './support/fixtures';
import { round, timed, withMemoryPeak, type MemoryPeak } from './support/measure';

/** The seed design's one-year scale: ~500 companies, ~2,500 contracts (Mon–Fri service). */
export const TENANT_SCALE: TenantShape = {
  prefix: 'tenant',
  caterers: 50,
  clients: 450,
  contracts: 2500,
  dailyCapacity: 5000,
  serviceWeekdays: [1, 2, 3, 4, 5],
};

export type GenerationResult = {
  contracts: number;
  firstRunMs: number;
  firstRunCreated: number;
  rowsPerSecond: number;
  secondRunMs: number;
  secondRunCreated: number;
  memory: MemoryPeak;
};

/** Sets up the tenant scale and times the daily 28-day generation, then its idempotent re-run. */
export async function benchServiceDayGeneration(db: Database): Promise<GenerationResult> {
  await seedTenants(db, TENANT_SCALE);
  await analyze(db);
  const contracts = await count(db, sql`select count(*) as n from contracts where status = 'ACTIVE'`);
  const { result: first, memory } = await withMemoryPeak(() => timed(() => generateServiceDays(db, { now: BENCH_NOW })));
  const second = await timed(() => generateServiceDays(db, { now: BENCH_NOW }));
  const stored = await count(db, sql`select count(*) as n from service_days`);
  if (stored !== first.result || second.result !== 0) {
    throw new Error(`generation is not idempotent: ${first.result} created, ${stored} stored, ${second.result} on re-run`);
  }
  return {
    contracts,
    firstRunMs: round(first.ms),
    firstRunCreated: first.result,
    rowsPerSecond: Math.round(first.result / (first.ms / 1000)),
    secondRunMs: round(second.ms),
    secondRunCreated: second.result,
    memory,
  };
}
