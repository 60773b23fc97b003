import os from 'node:os';
import { benchConfirmExpected } from './confirm-expected';
import { benchDashboard } from './dashboard';
import { benchOutboxDrain } from './outbox-drain';
import { benchServiceDayGeneration } from './service-day-generation';
import { benchSignInLatency, PARALLEL_SIGN_INS } from './sign-in-latency';
import { benchDatabaseUrl, withBenchDb } from './support/database';
import { mb, printTable, round } from './support/measure';

const passFail = (ok: boolean) => (ok ? 'met' : 'MISSED');

export async function runSuite(): Promise<void> {
  const started = performance.now();
  const database = benchDatabaseUrl() ? 'postgres' : 'pglite';
  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    database,
    // Other work on the machine skews every figure; printed so a run can be judged.
    loadAverage1m: round(os.loadavg()[0] ?? 0, 2),
  };
  console.log(
    `ChefOps benchmarks on ${database} (Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load average ${machine.loadAverage1m})`,
  );

  const generation = await withBenchDb((db) => benchServiceDayGeneration(db));
  printTable('1. Service-day generation (28-day horizon, all ACTIVE contracts)', [
    ['contracts', generation.contracts],
    ['first run', `${generation.firstRunMs} ms, ${generation.firstRunCreated} days created (${generation.rowsPerSecond} rows/s)`],
    ['second run', `${generation.secondRunMs} ms, ${generation.secondRunCreated} created`],
    ['targets', `first < 5000 ms: ${passFail(generation.firstRunMs < 5000)}; second < 1000 ms: ${passFail(generation.secondRunMs < 1000)}`],
    ['memory (first run)', `RSS ${generation.memory.rssStartMb} → ${generation.memory.rssPeakMb} MB, heap ${generation.memory.heapStartMb} → ${generation.memory.heapPeakMb} MB`],
  ]);

  const outbox = await withBenchDb((db, kind) => benchOutboxDrain(db, kind));
  printTable('2. Outbox drain (default handlers: in-app notifications + dev-mailbox email)', [
    ['events', outbox.events],
    ['one drainer', `${outbox.drainMs} ms → ${outbox.eventsPerSecond} events/s`],
    ['4 drainers at once', outbox.parallelEventsPerSecond === null ? 'n/a (PGlite: one connection)' : `${outbox.parallelEventsPerSecond} events/s`],
    ['effects', `${outbox.notifications} notifications, ${outbox.emails} emails`],
    ['target', `≥ 500 events/s, one drainer (PostgreSQL): ${passFail(outbox.meetsTarget)}`],
  ]);

  const dashboard = await withBenchDb((db) => benchDashboard(db));
  printTable('3. report.dashboard for a caterer with 200 contracts', [
    ['service days', `${dashboard.visibleServiceDays} the caterer's; ${dashboard.beforeBackgroundHistory.totalServiceDays} → ${dashboard.totalServiceDays} in the database`],
    ['latency, others without history', `p50 ${dashboard.beforeBackgroundHistory.p50Ms} ms, p95 ${dashboard.beforeBackgroundHistory.p95Ms} ms, max ${dashboard.beforeBackgroundHistory.maxMs} ms (${dashboard.beforeBackgroundHistory.runs} runs)`],
    ['latency, others with history', `p50 ${dashboard.p50Ms} ms, p95 ${dashboard.p95Ms} ms, max ${dashboard.maxMs} ms (${dashboard.runs} runs)`],
    ['target', `p95 < 100 ms (PostgreSQL): ${passFail(dashboard.meetsTarget)}`],
    ['memory (50 runs)', `RSS ${dashboard.memory.rssStartMb} → ${dashboard.memory.rssPeakMb} MB, heap ${dashboard.memory.heapStartMb} → ${dashboard.memory.heapPeakMb} MB`],
  ]);

  const confirm = await withBenchDb((db) => benchConfirmExpected(db));
  printTable('4. serviceDay.confirmExpected, sequential', [
    ['confirmations', `${confirm.runs} over ${confirm.distinctDates} dates`],
    ['latency', `p50 ${confirm.p50Ms} ms, p95 ${confirm.p95Ms} ms, max ${confirm.maxMs} ms`],
  ]);

  const signIn = await withBenchDb((db) => benchSignInLatency(db));
  printTable(`6. Signed-in read (company.me) during ${PARALLEL_SIGN_INS} parallel sign-ins, bcrypt cost ${signIn.bcryptCost}`, [
    ['alone', `p50 ${signIn.baseline.p50Ms} ms, p99 ${signIn.baseline.p99Ms} ms (${signIn.baseline.reads} reads)`],
    ['bcrypt on the request thread', `p50 ${signIn.onRequestThread.p50Ms} ms, p99 ${signIn.onRequestThread.p99Ms} ms (${signIn.onRequestThread.reads} reads, sign-ins ${signIn.onRequestThread.signInsMs} ms)`],
    [`worker pool (${signIn.hashThreads} thread${signIn.hashThreads === 1 ? '' : 's'})`, `p50 ${signIn.onWorkerPool.p50Ms} ms, p99 ${signIn.onWorkerPool.p99Ms} ms (${signIn.onWorkerPool.reads} reads, sign-ins ${signIn.onWorkerPool.signInsMs} ms)`],
    ['target', `p99 ≤ 2 × alone: ${signIn.ratio} × → ${passFail(signIn.ratio <= 2)}`],
  ]);

  const totalSeconds = round((performance.now() - started) / 1000);
  const maxRssMb = mb(process.resourceUsage().maxRSS * 1024);
  printTable('Run', [
    ['total', `${totalSeconds} s`],
    ['load average (1 min) at end', round(os.loadavg()[0] ?? 0, 2)],
    ['process peak RSS', `${maxRssMb} MB`],
  ]);
  console.log(JSON.stringify({ machine, generation, outbox, dashboard, confirm, signIn, totalSeconds, maxRssMb }));
}
