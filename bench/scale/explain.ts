import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Sql } from 'postgres';
import type { Statement } from './capture';

/** Tables that must never be read with a sequential scan at scale (SPEC §19). */
const WATCHED_TABLES = ['service_days', 'outbox_events'];
const EXPLAINABLE = /^\s*(select|insert|update|delete|with|values)\b/i;

export type ExplainedStatement = {
  sql: string;
  executionMs: number;
  planningMs: number;
  jitMs: number;
  sharedHit: number;
  sharedRead: number;
  seqScans: string[];
  error?: string;
};

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Loops'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
};
type ExplainJson = { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number; JIT?: { Timing?: { Total?: number } | number } };

class Rollback extends Error {}

/** Sequential scans of the watched tables that really ran (a planned one "never executed" is not counted). */
function seqScansOf(node: PlanNode, out: string[] = []): string[] {
  const ran = (node['Actual Loops'] ?? 0) > 0;
  if (ran && node['Node Type'] === 'Seq Scan' && node['Relation Name'] && WATCHED_TABLES.includes(node['Relation Name'])) {
    out.push(node['Relation Name']);
  }
  for (const child of node.Plans ?? []) seqScansOf(child, out);
  return out;
}

const oneLine = (query: string) => query.replace(/\s+/g, ' ').trim();

/** Runs `body` in a transaction that is always rolled back (EXPLAIN ANALYZE executes writes). */
async function inRolledBackTx<T>(sql: Sql, body: (tx: Sql) => Promise<T>): Promise<T> {
  let out: T | undefined;
  try {
    await sql.begin(async (tx) => {
      out = await body(tx as unknown as Sql);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return out as T;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of one captured statement with its parameters, in a rolled-back
 * transaction. TIMING OFF: per-node clocks would inflate the total the figure is about.
 * Statements that are not plannable (SET, advisory-lock helpers are SELECTs and are kept) give null.
 */
export async function explainStatement(sql: Sql, statement: Statement): Promise<ExplainedStatement | null> {
  if (!EXPLAINABLE.test(statement.query)) return null;
  const text = oneLine(statement.query);
  try {
    const plan = await inRolledBackTx(sql, async (tx) => {
      const [row] = await tx.unsafe(`explain (analyze, buffers, timing off, format json) ${statement.query}`, statement.params as never[]);
      return (row!['QUERY PLAN'] as ExplainJson[])[0]!;
    });
    const jit = plan.JIT?.Timing;
    return {
      sql: text,
      executionMs: plan['Execution Time'],
      planningMs: plan['Planning Time'],
      jitMs: typeof jit === 'number' ? jit : (jit?.Total ?? 0),
      sharedHit: plan.Plan['Shared Hit Blocks'] ?? 0,
      sharedRead: plan.Plan['Shared Read Blocks'] ?? 0,
      seqScans: seqScansOf(plan.Plan),
    };
  } catch (error) {
    // An insert of a unique value (a session token) cannot run twice: its time is not counted.
    const code = (error as { code?: string }).code;
    const message = code === '23505' ? 'not re-runnable (unique value), not counted' : String((error as Error).message);
    return { sql: text, executionMs: 0, planningMs: 0, jitMs: 0, sharedHit: 0, sharedRead: 0, seqScans: [], error: message };
  }
}

/** The statements of one call, explained: their summed execution time is the call's DB time. */
export async function explainCall(sql: Sql, statements: Statement[]) {
  // One after another: EXPLAINs running side by side would share the two cores and each other's locks.
  const explained: ExplainedStatement[] = [];
  for (const s of statements) {
    const e = await explainStatement(sql, s);
    if (e) explained.push(e);
  }
  return {
    statements: explained,
    executionMs: explained.reduce((sum, e) => sum + e.executionMs, 0),
    planningMs: explained.reduce((sum, e) => sum + e.planningMs, 0),
  };
}

/**
 * The same statements sent as they are (no EXPLAIN), one after another inside a rolled-back
 * transaction, timed from here: what any caller pays for this SQL (round trips, parse, plan,
 * execution) without the app around it. Returns ms, or null if a statement cannot be re-sent.
 */
export async function replayCall(sql: Sql, statements: Statement[]): Promise<number | null> {
  const plannable = statements.filter((s) => EXPLAINABLE.test(s.query));
  try {
    return await inRolledBackTx(sql, async (tx) => {
      const started = performance.now();
      for (const s of plannable) await tx.unsafe(s.query, s.params as never[], { prepare: true });
      return performance.now() - started;
    });
  } catch {
    return null;
  }
}

/** Writes the full plans (with per-node timing) of one call's statements, for reading. */
export async function writePlans(sql: Sql, dir: string, name: string, statements: Statement[]) {
  mkdirSync(dir, { recursive: true });
  const parts: string[] = [];
  for (const s of statements) {
    if (!EXPLAINABLE.test(s.query)) continue;
    try {
      const rows = await inRolledBackTx(sql, (tx) => tx.unsafe(`explain (analyze, buffers) ${s.query}`, s.params as never[]));
      parts.push(`-- ${oneLine(s.query)}\n-- params: ${JSON.stringify(s.params)}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
    } catch (error) {
      parts.push(`-- ${oneLine(s.query)}\n-- error: ${(error as Error).message}\n`);
    }
  }
  writeFileSync(path.join(dir, `${name}.txt`), parts.join('\n'));
}
