import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayCluster, type ThrowawayCluster } from '../support/throwaway-cluster';
import { onPostgres } from '../support/test-db';

/**
 * The app's own database client (server/database.ts, the pool the server uses) against a cluster that
 * is restarted while requests keep coming. The app is configured for that cluster before any
 * of its modules load, so every import below is dynamic.
 */
type Outcome = { kind: 'read' | 'write'; startedAt: number; finishedAt: number; ok: boolean; error?: string };

let cluster: ThrowawayCluster;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  if (!onPostgres) return;
  cluster = await startThrowawayCluster();
  process.env.DATABASE_URL = cluster.url;
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  const { migratePostgres } = await import('@/db/migrations');
  await migratePostgres(admin);
  await admin.end();
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
}, 120_000);

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  if (!onPostgres) return;
  await cluster.stop();
  const { closeDb } = await import('@/server/database');
  await closeDb();
});

const RECOVERY_SECONDS = 5;

describe.skipIf(!onPostgres)('a PostgreSQL restart under load', () => {
  it('fails requests only during the outage, recovers within seconds by itself and loses no acknowledged write', async () => {
    const { getDb } = await import('@/server/database');
    const { createCaller } = await import('@/server/api/root');
    const { GET: health } = await import('@/app/api/health/route');
    const db = await getDb();
    type Session = Parameters<typeof createCaller>[0] extends infer C ? (C extends { session: infer S } ? S : never) : never;
    const caller = (session: Session) => createCaller({ db, session, request: { ip: '127.0.0.1' }, now: () => new Date() });

    const email = `restart-${Date.now()}@example.test`;
    await caller(null).auth.register({ companyType: 'CATERING', companyName: 'Restart Kitchen', email, password: 'kettle-orbit-9', dailyCapacity: 100 });
    const { users } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    const [admin] = await db.select().from(users).where(eq(users.email, email));
    const session = { userId: admin!.id, companyId: admin!.companyId, companyType: 'CATERING' as const, role: 'ADMIN' as const, email };
    const signedIn = caller(session);

    const outcomes: Outcome[] = [];
    const acknowledged: string[] = [];
    const healthChecks: { at: number; status: number; database: string }[] = [];
    let stop = false;
    let sequence = 0;
    const worker = async (n: number) => {
      while (!stop) {
        const startedAt = Date.now();
        const kind = n % 2 === 0 ? 'write' : 'read';
        try {
          if (kind === 'write') {
            const invitee = `invitee-${n}-${sequence++}@example.test`;
            await signedIn.user.invite({ email: invitee, role: 'EMPLOYEE' });
            acknowledged.push(invitee);
          } else {
            await signedIn.company.me();
          }
          outcomes.push({ kind, startedAt, finishedAt: Date.now(), ok: true });
        } catch (error) {
          outcomes.push({ kind, startedAt, finishedAt: Date.now(), ok: false, error: String(error) });
          // A client would not hammer a failing server in a tight loop either.
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const prober = async () => {
      while (!stop) {
        const response = await health();
        if (stop) break;
        healthChecks.push({ at: Date.now(), status: response.status, database: ((await response.json()) as { database: string }).database });
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const load = [...Array.from({ length: 8 }, (_, n) => worker(n)), prober()];

    const waitUntil = async (predicate: () => boolean) => {
      while (!predicate()) await new Promise((r) => setTimeout(r, 20));
    };
    await waitUntil(() => outcomes.filter((o) => o.ok && o.kind === 'write').length >= 20);
    // The restart: down until both the API and /api/health have noticed, then up again.
    const outageStart = Date.now();
    await cluster.halt();
    await waitUntil(
      () =>
        outcomes.some((o) => !o.ok && o.startedAt >= outageStart) &&
        healthChecks.filter((h) => h.at >= outageStart && h.status === 503).length >= 2,
    );
    await cluster.start();
    const outageEnd = Date.now();
    const recovered = outageEnd + RECOVERY_SECONDS * 1000;
    // Keep the load on for a while after the recovery deadline.
    await waitUntil(() => Date.now() > recovered + 3000);
    stop = true;
    // A request still hanging now would be a wedged connection: give up on it (it counts as lost).
    await Promise.race([Promise.all(load), new Promise((r) => setTimeout(r, 5000))]);
    const summary = {
      outage: outageEnd - outageStart,
      failures: outcomes.filter((o) => !o.ok).map((o) => ({ at: o.startedAt - outageStart, error: o.error?.slice(0, 120) })),
    };
    console.log(JSON.stringify(summary).slice(0, 3000));

    const failures = outcomes.filter((o) => !o.ok);
    expect(outcomes.filter((o) => o.finishedAt < outageStart).every((o) => o.ok)).toBe(true);
    // Errors only during the outage and the few seconds it takes to reconnect; none after.
    expect(failures.filter((o) => o.startedAt > recovered)).toEqual([]);
    const afterRecovery = outcomes.filter((o) => o.startedAt > recovered);
    expect(afterRecovery.filter((o) => o.kind === 'write').length).toBeGreaterThan(10);
    expect(afterRecovery.filter((o) => o.kind === 'read').length).toBeGreaterThan(10);

    // /api/health saw the outage and then the recovery.
    expect(healthChecks.some((h) => h.at >= outageStart && h.at <= outageEnd && h.status === 503 && h.database === 'down')).toBe(true);
    const lastChecks = healthChecks.filter((h) => h.at > recovered);
    expect(lastChecks.length).toBeGreaterThan(3);
    expect(lastChecks.every((h) => h.status === 200 && h.database === 'up')).toBe(true);

    // Every write that was answered OK is stored.
    const check = postgres(cluster.url, { max: 1, onnotice: () => {} });
    const stored = await check<{ email: string }[]>`select email from invitations`;
    await check.end();
    const storedEmails = new Set(stored.map((r) => r.email));
    expect(acknowledged.filter((e) => !storedEmails.has(e))).toEqual([]);
    expect(uncaught).toEqual([]);
  }, 60_000);
});
