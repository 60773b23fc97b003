import type { FirstLoadJs } from '../http/first-load-js';
import type { HttpFigures } from '../http/http-bench';
import { printTable } from '../support/measure';
import type { EmailFigures } from './email-smtp';
import type { GenerationFigures } from './generation-copy';
import type { Goal } from './goals';
import type { PathFigures } from './measure-path';
import type { ThroughputFigures } from './outbox-vs-graphile';

const ms = (n: number) => `${n} ms`;

/** Per path: caller and HTTP p50/p95 beside the EXPLAIN time of its SQL, and the ratios. */
export function pathTable(paths: PathFigures[], http: HttpFigures | null, bcryptP50Ms: number) {
  const head = 'caller p50/p95 | HTTP p50/p95 | DB p50/p95 (plan p50) | bare SQL p50 | stmts | caller/DB | caller/bare | HTTP/DB';
  const rows: [string, string][] = [['path', head]];
  for (const p of paths) {
    const h = http?.paths.find((x) => x.key === p.key)?.http;
    const httpText = h ? `${h.p50Ms}/${h.p95Ms} ms` : 'n/a';
    const httpRatio = h ? `×${Math.round((h.p50Ms / Math.max(p.db.p50Ms, 0.001)) * 10) / 10}` : 'n/a';
    rows.push([
      p.key,
      `${p.app.p50Ms}/${p.app.p95Ms} ms | ${httpText} | ${p.db.p50Ms}/${p.db.p95Ms} ms (${p.planningMsP50}) | ${p.wire ? `${p.wire.p50Ms} ms` : 'n/a'} | ${p.statementsPerCall} | ×${p.ratio} | ${p.wireRatio === null ? 'n/a' : `×${p.wireRatio}`} | ${httpRatio}`,
    ]);
  }
  rows.push(['(bcrypt compare)', `${bcryptP50Ms} ms p50: most of sign-in, outside the database`]);
  printTable('Request paths: end to end vs EXPLAIN (ANALYZE, BUFFERS) execution time of the statements one call issues', rows);
  const slow = paths.filter((p) => p.slowestStatement).map((p): [string, string] => [p.key, `${p.slowestStatement!.executionMs} ms: ${p.slowestStatement!.sql.slice(0, 110)}`]);
  printTable('Slowest statement per path', slow);
  const notes = paths.flatMap((p): [string, string][] => [
    ...(p.seqScans.length ? [[p.key, `SEQ SCAN of ${p.seqScans.join(', ')}`] as [string, string]] : []),
    ...(p.jitMsMax > 0 ? [[p.key, `JIT ${p.jitMsMax} ms in one statement`] as [string, string]] : []),
    ...p.errors.map((e): [string, string] => [p.key, `EXPLAIN: ${e.slice(0, 120)}`]),
  ]);
  if (notes.length) printTable('Plan notes', notes);
  for (const p of paths.filter((x) => x.hot)) {
    printTable(`CPU profile of ${p.key} (self time)`, [
      ...p.hot!.packages.slice(0, 6).map((h): [string, string] => [`${h.selfPercent} %`, h.where]),
      ['—', '—'],
      ...p.hot!.functions.slice(0, 8).map((h): [string, string] => [`${h.selfPercent} %`, h.where]),
    ]);
  }
}

export function httpTables(http: HttpFigures, js: FirstLoadJs | null) {
  const { trpc, bare } = http.throughput;
  printTable('HTTP load (autocannon)', [
    ['company.me via tRPC + session', `${trpc.requestsPerSecond} req/s at ${trpc.connections} connections (p50 ${trpc.p50Ms} ms, p99 ${trpc.p99Ms} ms, ${trpc.errors + trpc.non2xx} failed)`],
    ['bare route, same SQL', `${bare.requestsPerSecond} req/s (p50 ${bare.p50Ms} ms, p99 ${bare.p99Ms} ms, ${bare.errors + bare.non2xx} failed)`],
    ['tRPC below bare', `${http.throughput.trpcBelowBarePercent} %`],
    ['company.me p99, alone', `${http.signInLoad.alone.p99Ms} ms (${http.signInLoad.alone.requestsPerSecond} req/s at ${http.signInLoad.alone.connections} connections)`],
    ['… during 20 parallel sign-ins', `${http.signInLoad.duringSignIns.p99Ms} ms (${http.signInLoad.duringSignIns.requestsPerSecond} req/s; ${http.signInLoad.duringSignIns.signIns} sign-ins) → ×${http.signInLoad.p99Ratio}`],
    ['cron: service-days job', ms(http.cron.serviceDaysMs)],
    ['cron: outbox drain', `${ms(http.cron.outboxMs)} (${http.cron.outboxProcessed} of ${http.cron.outboxEnqueued} events, 20 s budget)`],
  ]);
  if (js) printTable('First-load JS per page (gzip)', js.pages.map((p): [string, string] => [p.page, `${p.gzipKb} kB (${p.files} files, ${p.rawKb} kB raw)`]));
}

export function generationTable(g: GenerationFigures) {
  printTable('Service-day generation vs COPY of the same rows', [
    ['generation (next day)', `${g.created} days in ${ms(g.generationMs)} (${g.generationRowsPerSecond} rows/s); EXPLAIN ${ms(g.generationDbMs)}`],
    ['idempotent re-run', `${ms(g.rerunMs)}; EXPLAIN ${ms(g.rerunDbMs)}`],
    ['COPY of those rows', `${ms(g.copyMs)} (${g.copyRowsPerSecond} rows/s)`],
    ['generation / COPY', `×${g.generationOverCopy}`],
  ]);
}

export function throughputTable(t: ThroughputFigures, e: EmailFigures) {
  printTable(`Outbox vs graphile-worker ${t.graphile.version} (${t.events} events / jobs, one notification row each)`, [
    ['ChefOps, in-app handler alone', `${t.inAppEventsPerSecond} events/s (×${t.inAppOverGraphile} graphile-worker)`],
    ['ChefOps, default handlers', `${t.defaultHandlersEventsPerSecond} events/s (×${t.defaultOverGraphile})`],
    ['graphile-worker', `${t.graphileJobsPerSecond} jobs/s (concurrency ${t.graphile.concurrentJobs}, local queue ${t.graphile.localQueueSize}, pool ${t.graphile.maxPoolSize})`],
    [`e-mail to SMTP sink (+${e.replyDelayMs} ms)`, `${e.messagesPerSecond} messages/s, in-app in the same drain ${e.inAppPerSecond}/s (${e.events} events, ≤ ${e.maxOpenSmtpSessions} SMTP sessions open)`],
  ]);
}

export function goalsTable(goals: Goal[]) {
  printTable(
    'Goals (issues 17 and 16, SPEC §19)',
    goals.map((g): [string, string] => [g.met === null ? 'n/a' : g.met ? 'met' : 'MISSED', `${g.goal}: ${g.figure ?? '—'} (goal ${g.target})`]),
  );
}
