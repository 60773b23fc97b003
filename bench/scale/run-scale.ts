import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { verifyPassword } from '@/server/auth/password-hash';
import { validateSession } from '@/server/auth/sessions';
import { callerFor } from '@/tests/support/callers';
import { benchHttp, HTTP_WRITE_RUNS, type HttpFigures } from '../http/http-bench';
import { firstLoadJs, type FirstLoadJs } from '../http/first-load-js';
import { BENCH_CRON_SECRET, BENCH_DIST_DIR, buildForBench, startBenchServer } from '../http/server';
import { benchDatabaseUrl } from '../support/database';
import { printTable, round, summarise } from '../support/measure';
import { callerPaths, callerWriteTargets, enqueueClaimableEvents } from './caller-paths';
import { benchEmailAgainstSmtpSink } from './email-smtp';
import { dropFixture, ensureFixture, fixtureName } from './fixture';
import { generationTable, goalsTable, httpTables, pathTable, throughputTable } from './print';
import { evaluateGoals } from './goals';
import { measurePath, type PathFigures } from './measure-path';
import type { ScaleOptions } from './options';
import { benchOutboxVsGraphile } from './outbox-vs-graphile';
import { loadPersonas } from './personas';
import { benchGenerationVsCopy } from './generation-copy';
import { hotSpotsOfDir } from './profile';
import { dropLeftoverRuns, openRunDatabase } from './run-database';
import { BENCH_PASSWORD, SCALE_NOW, volumesAt } from './volumes';

/** Events the outbox cron route drains over HTTP (two notifications and two e-mails each). */
const HTTP_CRON_EVENTS = 500;
const WORK_DIR = path.join(process.cwd(), '.next', 'bench-run');

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

async function dropOnly(server: string, scale: number) {
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await dropLeftoverRuns(admin, fixtureName(scale));
  await admin.end();
  await dropFixture(server, scale);
  console.log(`dropped ${fixtureName(scale)} and its run clones`);
}

/**
 * `npm run bench -- --scale N`: the app's request paths on a fixture of N× the seed's yearly
 * volume, through the tRPC caller and over HTTP, each beside the EXPLAIN ANALYZE time of its
 * SQL; the outbox beside graphile-worker; e-mail against a slow SMTP sink. Last line: one JSON.
 */
export async function runScale(options: ScaleOptions): Promise<void> {
  const server = benchDatabaseUrl();
  if (!server) throw new Error('--scale runs on PostgreSQL only: set BENCH_DATABASE_URL=postgres://…');
  if (options.drop) return dropOnly(server, options.scale);
  const started = performance.now();
  const uptimeAtStart = uptime();
  console.log(`ChefOps ${options.scale}× benchmark (Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}); ${uptimeAtStart}`);
  const fixture = await ensureFixture(server, options.scale, { rebuild: options.rebuild, log: (l) => console.log(l) });
  console.log(fixture.built ? `fixture ${fixture.name} built in ${fixture.buildSeconds} s` : `fixture ${fixture.name} reused (${fixture.version})`);
  if (options.fixtureOnly) return;

  mkdirSync(WORK_DIR, { recursive: true });
  const cloneStarted = performance.now();
  const run = await openRunDatabase(server, fixture.name);
  const cloneSeconds = round((performance.now() - cloneStarted) / 1000);
  const stopOnSignal = () => void run.close().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  try {
    const [sizes] = await run.sql<{ days: number; events: number; companies: number; contracts: number; bytes: string }[]>`
      select (select count(*)::int from service_days) as days, (select count(*)::int from outbox_events) as events,
        (select count(*)::int from companies) as companies, (select count(*)::int from contracts) as contracts,
        pg_database_size(current_database())::text as bytes`;
    const data = { ...sizes!, databaseMb: Math.round(Number(sizes!.bytes) / 1024 / 1024), bytes: undefined };
    console.log(`run database ${run.name}: cloned in ${cloneSeconds} s; ${data.companies} companies, ${data.contracts} contracts, ${data.days} service days, ${data.events} outbox events, ${data.databaseMb} MB`);

    const personas = await loadPersonas(run.sql, callerWriteTargets + 3 + HTTP_WRITE_RUNS);
    const paths = callerPaths(run.db, personas);
    const figures: PathFigures[] = [];
    const measure = async (key: string) => {
      const path = paths.find((p) => p.key === key);
      if (!path) throw new Error(`no caller path "${key}"; known: ${paths.map((p) => p.key).join(', ')}`);
      const figure = await measurePath(run, path, options);
      figures.push(figure);
      console.log(`  ${key}: app p50 ${figure.app.p50Ms} ms, DB p50 ${figure.db.p50Ms} ms (×${figure.ratio})`);
    };
    if (options.onlyPaths) {
      if (options.onlyPaths.includes('outboxClaim')) await enqueueClaimableEvents(run.db, 6000);
      for (const key of options.onlyPaths) await measure(key);
      pathTable(figures, null, 0);
      return;
    }
    console.log('\nThrough the tRPC caller (the jobs: their functions)');
    for (const key of ['signIn', 'companyMe', 'contractMonth', 'pendingConfirmations', 'clientDashboard', 'catererDashboard', 'weeklyReport', 'confirmExpected', 'confirmServed']) {
      await measure(key);
    }
    const bcryptSamples: number[] = [];
    const hash = (await run.sql<{ h: string }[]>`select password_hash as h from users limit 1`)[0]!.h;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await verifyPassword(BENCH_PASSWORD, hash);
      bcryptSamples.push(performance.now() - t);
    }
    const bcrypt = summarise(bcryptSamples);

    let http: HttpFigures | null = null;
    let js: FirstLoadJs | null = null;
    let buildSeconds: number | null = null;
    if (!options.skipHttp) {
      // The bare route runs what company.me runs over HTTP: the session row, then the company.
      const session = (await run.sql<{ id: string }[]>`select id from refresh_tokens where user_id = ${personas.caterer.userId} limit 1`)[0]!;
      const { statements } = await run.capture.during(async () => {
        await validateSession(run.db, { id: session.id, now: SCALE_NOW });
        await callerFor(run.db, personas.caterer, { now: SCALE_NOW }).company.me();
      });
      const bareSqlFile = path.join(WORK_DIR, 'company-me.sql.json');
      writeFileSync(bareSqlFile, JSON.stringify(statements));
      if (!options.reuseBuild) {
        console.log('\nnext build (bench build, .next/bench) …');
        buildSeconds = await buildForBench(path.join(WORK_DIR, 'next-build.log'));
        console.log(`  built in ${buildSeconds} s`);
      }
      js = firstLoadJs(BENCH_DIST_DIR);
      const app = await startBenchServer({
        databaseUrl: run.url,
        now: SCALE_NOW,
        bareSqlFile,
        logFile: path.join(WORK_DIR, 'next-start.log'),
        cpuProfileDir: options.profileDir ? path.resolve(options.profileDir, 'http') : null,
      });
      try {
        console.log(`\nOver HTTP (${app.url}) …`);
        http = await benchHttp(app.url, personas, {
          firstTarget: callerWriteTargets,
          cronSecret: BENCH_CRON_SECRET,
          enqueueOutboxEvents: async () => {
            await enqueueClaimableEvents(run.db, HTTP_CRON_EVENTS);
            return HTTP_CRON_EVENTS;
          },
        });
      } finally {
        await app.stop();
      }
      if (options.profileDir) {
        for (const { file, hot } of hotSpotsOfDir(path.resolve(options.profileDir, 'http'))) {
          printTable(`CPU profile of next start over the HTTP phase (${file}, self time)`, [
            ...hot.packages.slice(0, 8).map((h): [string, string] => [`${h.selfPercent} %`, h.where]),
            ['—', '—'],
            ...hot.functions.slice(0, 12).map((h): [string, string] => [`${h.selfPercent} %`, h.where]),
          ]);
        }
      }
    }

    console.log('\nJobs');
    await measure('autoLockSweep');
    await enqueueClaimableEvents(run.db, 6000);
    await measure('outboxClaim');
    const generation = await benchGenerationVsCopy(run);
    console.log('\nOutbox beside graphile-worker, e-mail against a slow SMTP sink …');
    const throughput = await benchOutboxVsGraphile(run, packageVersion('graphile-worker'));
    const email = await benchEmailAgainstSmtpSink(run, 'http://127.0.0.1:3131');

    const goals = evaluateGoals({ paths: figures, http, firstLoadJs: js, throughput, email });
    pathTable(figures, http, bcrypt.p50Ms);
    if (http) httpTables(http, js);
    generationTable(generation);
    throughputTable(throughput, email);
    goalsTable(goals);
    const uptimeAtEnd = uptime();
    const totalSeconds = round((performance.now() - started) / 1000);
    printTable('Run', [
      ['load at start', uptimeAtStart],
      ['load at end', uptimeAtEnd],
      ['total', `${totalSeconds} s (fixture ${fixture.built ? `built in ${fixture.buildSeconds} s` : 'reused'}, clone ${cloneSeconds} s${buildSeconds ? `, next build ${buildSeconds} s` : ''})`],
    ]);
    const result = {
      scale: options.scale,
      volumes: volumesAt(options.scale),
      machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', uptimeAtStart, uptimeAtEnd },
      fixture: { ...fixture, data, cloneSeconds },
      paths: figures,
      bcryptCompareMs: bcrypt,
      http,
      firstLoadJs: js,
      generation,
      throughput,
      email,
      goals,
      totalSeconds,
    };
    console.log(JSON.stringify(result));
  } finally {
    process.off('SIGINT', stopOnSignal);
    await run.close();
  }
}
