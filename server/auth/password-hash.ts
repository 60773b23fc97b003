import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { env } from '@/server/env';

/**
 * bcrypt at cost 12 is ~240 ms of CPU per hash or compare. bcryptjs's async API only slices that
 * work on the request thread: 24 parallel hashes made every other request wait seconds. So the
 * work runs on a small pool of worker threads (piscina), at most `threads` at once, the rest
 * queued: other requests keep their latency and one core stays free for them.
 */
const WORKER_FILE = path.join(process.cwd(), 'server', 'auth', 'password-worker.mjs');

export function passwordHashThreads(): number {
  return env.PASSWORD_HASH_THREADS ?? Math.max(1, availableParallelism() - 1);
}

// One pool per process: survives `next dev` module reloads, which re-evaluate this file.
const holder = globalThis as typeof globalThis & { __chefopsPasswordPool?: Piscina };
function pool(): Piscina {
  holder.__chefopsPasswordPool ??= new Piscina({
    filename: WORKER_FILE,
    minThreads: 1,
    maxThreads: passwordHashThreads(),
    idleTimeout: 60_000,
  });
  return holder.__chefopsPasswordPool;
}

export function hashPassword(password: string): Promise<string> {
  return pool().run({ password, cost: Math.max(10, env.BCRYPT_COST) }, { name: 'hash' });
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return pool().run({ password, hash }, { name: 'compare' });
}

/** The nice value the hashing threads run at (19 on Linux: they yield to request handling). */
export function hashingThreadPriority(): Promise<number> {
  return pool().run({}, { name: 'priority' });
}

/** How much hashing work the pool has done and may do at once (tests, benchmarks). */
export function passwordHashingStats(): { completed: number; threads: number; maxThreads: number } {
  const p = pool();
  return { completed: p.completed, threads: p.threads.length, maxThreads: p.options.maxThreads };
}

/** A real hash to compare against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
  return dummyHash;
}
