import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { round, timed } from '../support/measure';
import { explainCall } from './explain';
import type { RunDatabase } from './run-database';
import { SCALE_NOW } from './volumes';

export type GenerationFigures = {
  /** The next day's cron run: one new day per contract at the end of the 28-day horizon. */
  created: number;
  generationMs: number;
  generationRowsPerSecond: number;
  /** EXPLAIN ANALYZE of the generation statement (same rows, rolled back). */
  generationDbMs: number;
  /** The idempotent re-run right after (nothing to create). */
  rerunMs: number;
  rerunDbMs: number;
  /** COPY of exactly the rows the generation created (after deleting them). */
  copyMs: number;
  copyRowsPerSecond: number;
  /** generation / COPY: what the set-based statement costs beyond storing the rows. */
  generationOverCopy: number;
};

/**
 * The daily generation a day after the fixture's now, timed; its rows copied out, deleted, and
 * stored again with COPY, timed: the same rows, the same indexes and constraints. The rows are
 * recognised by created_at (the real clock is far past every fixture timestamp).
 */
export async function benchGenerationVsCopy(run: RunDatabase): Promise<GenerationFigures> {
  const now = new Date(SCALE_NOW.getTime() + 24 * 60 * 60_000);
  const t0 = (await run.sql<{ t0: string }[]>`select now()::text as t0`)[0]!.t0;
  const first = await run.capture.during(() => timed(() => generateServiceDays(run.db, { now })));
  const created = first.result.result;
  const rerun = await run.capture.during(() => timed(() => generateServiceDays(run.db, { now })));
  const rerunDb = await explainCall(run.sql, rerun.statements);

  const columns = await run.sql<{ column_name: string }[]>`
    select column_name from information_schema.columns where table_name = 'service_days' and table_schema = 'public'
    order by ordinal_position`;
  const list = columns.map((c) => `"${c.column_name}"`).join(', ');
  // The rows in COPY's text format, built by a plain query (a COPY TO STDOUT stream left the
  // connection hanging now and then): NULL as \N, backslash, tab and newlines escaped.
  const field = (c: string) =>
    `coalesce(replace(replace(replace(replace("${c}"::text, '\\', '\\\\'), E'\\t', '\\t'), E'\\n', '\\n'), E'\\r', '\\r'), '\\N')`;
  const lines = await run.sql.unsafe<{ line: string }[]>(
    `select concat_ws(E'\\t', ${columns.map((c) => field(c.column_name)).join(', ')}) as line
     from service_days where created_at >= $1::timestamptz order by service_date, contract_id`,
    [t0],
  );
  const copyText = lines.map((l) => l.line).join('\n') + '\n';
  const deleted = await run.sql`delete from service_days where created_at >= ${t0}::timestamptz`;
  if (deleted.count !== created) throw new Error(`generation created ${created} days but ${deleted.count} were found`);
  // The same statement, now that its rows are gone again: its cost inside PostgreSQL.
  const generationDb = await explainCall(run.sql, first.statements);

  const copy = await timed(async () => {
    const input = await run.sql.unsafe(`copy service_days (${list}) from stdin`).writable();
    await pipeline(Readable.from([copyText]), input);
  });
  const n = (await run.sql<{ n: number }[]>`select count(*)::int as n from service_days where created_at >= ${t0}::timestamptz`)[0]!.n;
  if (n !== created) throw new Error(`COPY stored ${n} of ${created} rows`);
  return {
    created,
    generationMs: round(first.result.ms),
    generationRowsPerSecond: Math.round(created / (first.result.ms / 1000)),
    generationDbMs: round(generationDb.executionMs),
    rerunMs: round(rerun.result.ms),
    rerunDbMs: round(rerunDb.executionMs),
    copyMs: round(copy.ms),
    copyRowsPerSecond: Math.round(created / (copy.ms / 1000)),
    generationOverCopy: round(first.result.ms / copy.ms, 2),
  };
}
