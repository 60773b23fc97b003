import type { Database } from '@/db/types';
import { summarise, type LatencySummary } from '../support/measure';
import type { Statement } from './capture';
import type { CallerPath } from './caller-paths';
import { CAPTURED_CALLS } from './caller-paths';
import { explainCall, replayCall, writePlans, type ExplainedStatement } from './explain';
import { profiled, type HotSpot } from './profile';
import type { RunDatabase } from './run-database';

export type PathFigures = {
  key: string;
  label: string;
  kind: CallerPath['kind'];
  /** End to end through the tRPC caller (or the job's function), ms. */
  app: LatencySummary;
  /** Summed EXPLAIN ANALYZE execution time of the statements one call issues, ms. */
  db: LatencySummary;
  planningMsP50: number;
  statementsPerCall: number;
  /** app p50 / db p50. */
  ratio: number;
  /**
   * The same statements re-sent bare from Node (round trips, bind, execution, decoding), ms,
   * timed warm as the app is: after WIRE_WARM_UP untimed replays.
   */
  wire: LatencySummary | null;
  /** app p50 / wire p50: the app's own share, whatever the network and planner cost. */
  wireRatio: number | null;
  /** The slowest statement of the captured calls (one line, cut). */
  slowestStatement: { sql: string; executionMs: number } | null;
  seqScans: string[];
  jitMsMax: number;
  errors: string[];
  hot?: { functions: HotSpot[]; packages: HotSpot[] };
};

class Rollback extends Error {}

/** Runs a job inside a transaction that is rolled back: its statements, without its effect. */
async function dryRun(db: Database, body: (tx: Database) => Promise<unknown>) {
  try {
    await db.transaction(async (tx) => {
      await body(tx as unknown as Database);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Untimed replays before the timed ones: PostgreSQL plans a prepared statement afresh for its
 * first five executions on a connection before it may keep a generic plan, and the replay's
 * client has two connections. Timed cold, the bare figure included planning the app no longer pays.
 */
const WIRE_WARM_UP = 12;

/**
 * Warm-up, timed calls (optionally CPU-profiled), then CAPTURED_CALLS more whose statements are
 * captured from Drizzle's logger and EXPLAINed one by one.
 */
export async function measurePath(
  run: RunDatabase,
  path: CallerPath,
  opts: { profileDir: string | null; plansDir: string | null },
): Promise<PathFigures> {
  let i = 0;
  for (let w = 0; w < path.warmUp; w++) await path.call(run.db, i++);
  const timedLoop = async () => {
    const samples: number[] = [];
    for (let r = 0; r < path.runs; r++) {
      const started = performance.now();
      await path.call(run.db, i++);
      samples.push(performance.now() - started);
    }
    return samples;
  };
  let hot: PathFigures['hot'];
  let samples: number[];
  if (opts.profileDir) {
    const profile = await profiled(opts.profileDir, path.key, timedLoop);
    samples = profile.result;
    hot = profile.hot;
  } else samples = await timedLoop();

  const dbSamples: number[] = [];
  const wireSamples: number[] = [];
  const captured: Statement[][] = [];
  const planning: number[] = [];
  const explained: ExplainedStatement[] = [];
  let statementsPerCall = 0;
  for (let c = 0; c < CAPTURED_CALLS; c++) {
    const n = i++;
    const { statements } =
      path.kind === 'job'
        ? await run.capture.during(() => dryRun(run.db, (tx) => path.call(tx, n)))
        : await run.capture.during(() => path.call(run.db, n));
    if (c === 0 && opts.plansDir) await writePlans(run.sql, opts.plansDir, path.key, statements);
    const call = await explainCall(run.sql, statements);
    captured.push(statements);
    // The job's real call moves the data on (the next sweep, the next claim).
    if (path.kind === 'job') await path.call(run.db, n);
    dbSamples.push(call.executionMs);
    planning.push(call.planningMs);
    explained.push(...call.statements);
    statementsPerCall = Math.max(statementsPerCall, statements.length);
  }
  // Replays run in rolled-back transactions, so a write's or a job's statements can be re-sent.
  for (let w = 0; w < WIRE_WARM_UP; w++) await replayCall(run.sql, captured[w % captured.length]!);
  for (const statements of captured) {
    const wire = await replayCall(run.sql, statements);
    if (wire !== null) wireSamples.push(wire);
  }
  const app = summarise(samples);
  const db = summarise(dbSamples);
  const wire = wireSamples.length > 0 ? summarise(wireSamples) : null;
  const slowest = explained.reduce<ExplainedStatement | null>((a, b) => (!a || b.executionMs > a.executionMs ? b : a), null);
  return {
    key: path.key,
    label: path.label,
    kind: path.kind,
    app,
    db,
    planningMsP50: r2(summarise(planning).p50Ms),
    statementsPerCall,
    ratio: r2(app.p50Ms / Math.max(db.p50Ms, 0.001)),
    wire,
    wireRatio: wire ? r2(app.p50Ms / Math.max(wire.p50Ms, 0.001)) : null,
    slowestStatement: slowest ? { sql: slowest.sql.slice(0, 160), executionMs: r2(slowest.executionMs) } : null,
    seqScans: [...new Set(explained.flatMap((e) => e.seqScans))],
    jitMsMax: r2(Math.max(0, ...explained.map((e) => e.jitMs))),
    errors: [...new Set(explained.filter((e) => e.error).map((e) => `${e.error} :: ${e.sql.slice(0, 80)}`))],
    ...(hot ? { hot } : {}),
  };
}
