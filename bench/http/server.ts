import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';

/** The bench build's folder (next.config.mjs puts it there when CHEFOPS_BENCH_BUILD=1). */
export const BENCH_DIST_DIR = path.join(process.cwd(), '.next', 'bench');
export const HTTP_PORT = 3131;
export const BENCH_CRON_SECRET = 'bench-cron-secret-0123456789';

const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** `next build` of the app plus its bench-only routes into `.next/bench`; output into `logFile`. */
export async function buildForBench(logFile: string): Promise<number> {
  const started = performance.now();
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [nextBin, 'build'], {
    env: { ...process.env, CHEFOPS_BENCH_BUILD: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const code = await waitForExit(child);
  if (code !== 0) throw new Error(`next build failed (exit ${code}); see ${logFile}`);
  return Math.round(performance.now() - started) / 1000;
}

export type BenchServer = { url: string; stop: () => Promise<void> };

/**
 * `next start` of the bench build on PORT 3131 against the run's database, with its clock shifted
 * to the fixture's now. Resolves once /api/health answers.
 */
export async function startBenchServer(opts: { databaseUrl: string; now: Date; bareSqlFile: string; logFile: string; cpuProfileDir?: string | null }): Promise<BenchServer> {
  if (!existsSync(path.join(BENCH_DIST_DIR, 'BUILD_ID'))) throw new Error('no bench build: run without --reuse-build');
  const url = `http://127.0.0.1:${HTTP_PORT}`;
  // --cpu-prof is not allowed in NODE_OPTIONS: it goes to the server's own node.
  const profile = opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`] : [];
  const log = createWriteStream(opts.logFile);
  const child = spawn(process.execPath, [...profile, nextBin, 'start', '-p', String(HTTP_PORT), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      CHEFOPS_BENCH_BUILD: '1',
      NODE_ENV: 'production',
      NODE_OPTIONS: `--import ${path.join(process.cwd(), 'bench', 'http', 'clock-shift.mjs')}`,
      CHEFOPS_BENCH_NOW: opts.now.toISOString(),
      CHEFOPS_BENCH_BARE_SQL: opts.bareSqlFile,
      DATABASE_URL: opts.databaseUrl,
      APP_URL: url,
      NEXTAUTH_URL: url,
      PORT: String(HTTP_PORT),
      AUTH_SECRET: 'bench-auth-secret-0123456789abcdef0123456789',
      CRON_SECRET: BENCH_CRON_SECRET,
      CHEFOPS_LOCAL_CRON: 'false',
      CHEFOPS_SEED_DEMO: 'false',
      // The cron drain's e-mail goes to the dev mailbox table, never out; production refuses the
      // mailbox unless the server says it is a demo.
      CHEFOPS_DEV_MAILBOX: 'true',
      CHEFOPS_DEMO: 'true',
      LOG_LEVEL: 'error',
      // Slow requests are what is measured, not what should be logged.
      SLOW_REQUEST_MS: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it reaches any worker it starts, and nothing else.
    detached: true,
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = waitForExit(child);
  // The server is detached: if this process dies, take its group down too.
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killGroup);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const state = await Promise.race([exited.then((code) => `exit ${code}`), fetch(`${url}/api/health`).then((r) => (r.ok ? 'up' : `status ${r.status}`), () => 'down')]);
    if (state === 'up') break;
    if (state.startsWith('exit')) throw new Error(`next start stopped (${state}); see ${opts.logFile}`);
    if (Date.now() > deadline) throw new Error(`next start did not answer within 120 s (${state}); see ${opts.logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, name);
        } catch {
          // already gone
        }
      };
      signal('SIGINT');
      const timer = setTimeout(() => signal('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      process.off('exit', killGroup);
    },
  };
}
