import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MB = 1024 * 1024;

export const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs `body` once and returns its result and wall time in milliseconds. */
export async function timed<T>(body: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await body();
  return { result, ms: performance.now() - started };
}

/** Nearest-rank percentile of the samples (p in 0..100). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export type LatencySummary = { runs: number; p50Ms: number; p95Ms: number; maxMs: number; meanMs: number };

export function summarise(samples: number[]): LatencySummary {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    runs: samples.length,
    p50Ms: round(percentile(samples, 50), 2),
    p95Ms: round(percentile(samples, 95), 2),
    maxMs: round(Math.max(...samples), 2),
    meanMs: round(mean, 2),
  };
}

// The npm script cannot pass --expose-gc, so the flag is turned on here; a collection before
// each measured phase makes the heap figures about that phase rather than the setup before it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export type MemoryPeak = { rssStartMb: number; rssPeakMb: number; heapStartMb: number; heapPeakMb: number };

/**
 * Samples process.memoryUsage() every few milliseconds while `body` runs and reports the peaks.
 * With PGlite the database lives in this process (WebAssembly memory), so RSS includes it.
 */
export async function withMemoryPeak<T>(body: () => Promise<T>): Promise<{ result: T; memory: MemoryPeak }> {
  gc();
  const start = process.memoryUsage();
  let rssPeak = start.rss;
  let heapPeak = start.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    rssPeak = Math.max(rssPeak, now.rss);
    heapPeak = Math.max(heapPeak, now.heapUsed);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await body();
    sample();
    return {
      result,
      memory: { rssStartMb: mb(start.rss), rssPeakMb: mb(rssPeak), heapStartMb: mb(start.heapUsed), heapPeakMb: mb(heapPeak) },
    };
  } finally {
    clearInterval(timer);
  }
}

/** Prints rows as an aligned plain-text table under a title. */
export function printTable(title: string, rows: [string, string | number][]) {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}
