import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/server/env-schema';
import { env } from '@/server/env';
import { getPriority } from 'node:os';
import { hashingThreadPriority, hashPassword, passwordHashingStats, passwordHashThreads, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('uses bcrypt at the configured cost and verifies', async () => {
    const hash = await hashPassword('kettle-orbit-9');
    expect(hash).toMatch(new RegExp(`^\\$2[aby]\\$${String(env.BCRYPT_COST).padStart(2, '0')}\\$`));
    expect(await verifyPassword('kettle-orbit-9', hash)).toBe(true);
    expect(await verifyPassword('kettle-orbit-8', hash)).toBe(false);
  });

  it('the configuration refuses a cost below 10 and defaults to 12', () => {
    expect(() => parseEnv({ BCRYPT_COST: '9' })).toThrow(/BCRYPT_COST: must be at least 10/);
    expect(parseEnv({}).BCRYPT_COST).toBe(12);
    expect(parseEnv({ BCRYPT_COST: '11' }).BCRYPT_COST).toBe(11);
  });

  it('hashes off the event loop, at most PASSWORD_HASH_THREADS at once', async () => {
    await hashPassword('warm-up-the-pool'); // the first worker's start-up is not what is measured
    const before = passwordHashingStats();
    const count = passwordHashThreads() * 3;
    let maxThreadsSeen = 0;
    const watch = setInterval(() => (maxThreadsSeen = Math.max(maxThreadsSeen, passwordHashingStats().threads)), 5);
    const start = performance.eventLoopUtilization();
    await Promise.all(Array.from({ length: count }, (_, i) => hashPassword(`parallel-password-${i}`)));
    const busy = performance.eventLoopUtilization(start);
    clearInterval(watch);
    // Hashing on this thread (bcryptjs's async API) keeps its event loop busy nearly all the time.
    expect(busy.utilization).toBeLessThan(0.5);
    expect(maxThreadsSeen).toBeLessThanOrEqual(passwordHashThreads());
    expect(passwordHashingStats().completed - before.completed).toBe(count);
  });

  it.runIf(process.platform === 'linux')('hashing threads run at the lowest priority; the request thread keeps its own', async () => {
    const own = getPriority();
    expect(await hashingThreadPriority()).toBe(19);
    expect(getPriority()).toBe(own);
  });

  it('derives the default thread count from the cores, and accepts an explicit one', () => {
    expect(parseEnv({}).PASSWORD_HASH_THREADS).toBeUndefined();
    expect(parseEnv({ PASSWORD_HASH_THREADS: '3' }).PASSWORD_HASH_THREADS).toBe(3);
    expect(() => parseEnv({ PASSWORD_HASH_THREADS: '0' })).toThrow(/PASSWORD_HASH_THREADS/);
    expect(passwordHashThreads()).toBeGreaterThanOrEqual(1);
  });
});
