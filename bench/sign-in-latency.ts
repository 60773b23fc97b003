import bcrypt from 'bcryptjs';
import type { Database } from '@/db/types';
import { attemptSignIn } from '@/server/auth/credentials';
import { passwordHashThreads } from '@/server/auth/password-hash';
import { env } from '@/server/env';
import { registerCompany } from '@/tests/support/callers';
import { percentile, round } from './support/measure';

export const PARALLEL_SIGN_INS = 20;
const BASELINE_READS = 150;
const PASSWORD = 'correct horse battery';

export type SignInLatencyResult = {
  bcryptCost: number;
  hashThreads: number;
  baseline: { reads: number; p50Ms: number; p99Ms: number };
  /** The same reads while 20 bcrypt compares run on the request thread (bcryptjs async, the old way). */
  onRequestThread: { reads: number; p50Ms: number; p99Ms: number; signInsMs: number };
  /** The same reads while 20 real sign-ins run, hashing on the worker pool. */
  onWorkerPool: { reads: number; p50Ms: number; p99Ms: number; signInsMs: number };
  /** onWorkerPool p99 / baseline p99; the target is ≤ 2. */
  ratio: number;
};

/** A signed-in read is due every this many milliseconds, like requests arriving on their own. */
const READ_PERIOD_MS = 20;

/**
 * Signed-in reads (company.me) due every READ_PERIOD_MS until `until` settles. Each latency is
 * measured from when the read was due, so time the event loop spent blocked before it could
 * even start the read counts, as it does for a request waiting on a busy server.
 */
async function readsDuring(read: () => Promise<unknown>, until: Promise<unknown>) {
  let done = false;
  void until.finally(() => (done = true));
  const samples: number[] = [];
  const start = performance.now();
  let lastDone = start;
  for (let k = 0; !done; k++) {
    // One read at a time: a read due while the previous one still runs is due when it ends.
    const due = Math.max(start + k * READ_PERIOD_MS, lastDone);
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    else await new Promise((resolve) => setImmediate(resolve));
    await read();
    lastDone = performance.now();
    samples.push(lastDone - due);
  }
  return samples;
}

const stats = (samples: number[]) => ({ reads: samples.length, p50Ms: round(percentile(samples, 50), 2), p99Ms: round(percentile(samples, 99), 2) });

/**
 * Read latency of a signed-in user (company.me through the tRPC caller) alone, then while 20
 * sign-ins run at once at the configured bcrypt cost: first with their bcrypt work on the
 * request thread (as before the worker pool), then as ChefOps does it now.
 */
export async function benchSignInLatency(db: Database): Promise<SignInLatencyResult> {
  const reader = await registerCompany(db, { companyType: 'CLIENT', password: PASSWORD });
  const accounts = [];
  for (let i = 0; i < PARALLEL_SIGN_INS; i++) accounts.push((await registerCompany(db, { companyType: 'CLIENT', password: PASSWORD })).email);
  const read = () => reader.caller.company.me();
  for (let i = 0; i < 10; i++) await read();

  const baselineSamples = await readsDuring(read, new Promise((resolve) => setTimeout(resolve, BASELINE_READS * READ_PERIOD_MS)));

  const hash = await bcrypt.hash(PASSWORD, env.BCRYPT_COST);
  let started = performance.now();
  const onThread = Promise.all(accounts.map(() => bcrypt.compare(PASSWORD, hash)));
  const threadSamples = await readsDuring(read, onThread);
  const threadMs = performance.now() - started;

  started = performance.now();
  const signIns = Promise.all(accounts.map((email) => attemptSignIn(db, { email, password: PASSWORD, now: new Date() })));
  const poolSamples = await readsDuring(read, signIns);
  const poolMs = performance.now() - started;
  if ((await signIns).some((r) => r.status !== 'ok')) throw new Error('a benchmark sign-in failed');

  const baseline = stats(baselineSamples);
  const onWorkerPool = { ...stats(poolSamples), signInsMs: Math.round(poolMs) };
  return {
    bcryptCost: env.BCRYPT_COST,
    hashThreads: passwordHashThreads(),
    baseline,
    onRequestThread: { ...stats(threadSamples), signInsMs: Math.round(threadMs) },
    onWorkerPool,
    ratio: round(onWorkerPool.p99Ms / baseline.p99Ms, 2),
  };
}
