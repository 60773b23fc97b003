import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import type { Database, DbOrTx } from '@/db/types';
import { attemptSignIn } from '@/server/auth/credentials';
import { createSession } from '@/server/auth/sessions';
import { claimOutboxBatch } from '@/server/outbox/drain';
import { parseOutboxEvent } from '@/server/outbox/events';
import { autoLockDueServiceDays } from '@/server/services/service-days/auto-lock';
import { callerFor } from '@/tests/support/callers';
import { pendingRange, type Personas } from './personas';
import { BENCH_PASSWORD, SCALE_NOW, userEmail } from './volumes';

type Caller = ReturnType<typeof callerFor>;

export type PathKind = 'read' | 'write' | 'sign-in' | 'job';

/**
 * One request path as the app runs it. `call(db, i)` is the i-th call (write paths act on a
 * different record each time); jobs are also called inside a rolled-back transaction to capture
 * their statements before the real call changes the data they would work on.
 */
export type CallerPath = { key: string; label: string; kind: PathKind; warmUp: number; runs: number; call: (db: DbOrTx, i: number) => Promise<unknown> };

/**
 * A server answers thousands of calls between deploys, so a path is timed warm: enough calls
 * first for V8 to optimise its hot functions (with 5, most still ran unoptimised).
 */
const READ_WARM_UP = 100;
export const READ_RUNS = 200;
const WRITE_WARM_UP = 40;
export const WRITE_RUNS = 100;
export const CAPTURED_CALLS = 10;
const SWEEP_STEP_MS = 15 * 60_000;

/** Writes take one target per call: warm-up + timed + captured calls (HTTP takes the rest). */
export const callerWriteTargets = WRITE_WARM_UP + WRITE_RUNS + CAPTURED_CALLS;

export function callerPaths(db: Database, p: Personas): CallerPath[] {
  const clock = { now: SCALE_NOW };
  const client = callerFor(db, p.client, clock);
  const caterer = callerFor(db, p.caterer, clock);
  const read = (key: string, label: string, call: () => Promise<unknown>): CallerPath => ({
    key,
    label,
    kind: 'read',
    warmUp: READ_WARM_UP,
    runs: READ_RUNS,
    call: () => call(),
  });
  // The i-th call acts on the i-th day, as that day's company ADMIN.
  const write = (key: string, label: string, days: Personas['openDays'], mutate: (c: Caller, d: { id: string; quantity: number }) => Promise<unknown>): CallerPath => ({
    key,
    label,
    kind: 'write',
    warmUp: WRITE_WARM_UP,
    runs: WRITE_RUNS,
    call: (handle, i) => mutate(callerFor(handle as Database, days[i]!.session, clock), { id: days[i]!.id, quantity: days[i]!.quantity }),
  });
  return [
    {
      key: 'signIn',
      label: 'sign-in (lookup, limits, bcrypt, session row)',
      kind: 'sign-in',
      warmUp: 2,
      runs: 20,
      // What next-auth's authorize runs; a different user each time, as at 9 am.
      call: async (handle, i) => {
        const email = userEmail('manager', 'client', 100 + i);
        const result = await attemptSignIn(handle, { email, password: BENCH_PASSWORD, ip: '127.0.0.1', now: SCALE_NOW });
        if (result.status !== 'ok') throw new Error(`sign-in of ${email}: ${result.status}`);
        return createSession(handle, { userId: result.user.userId, userAgent: 'bench', now: SCALE_NOW });
      },
    },
    read('companyMe', 'company.me (caterer)', () => caterer.company.me()),
    read('contractMonth', "serviceDay.list: a contract's month (client)", () => client.serviceDay.list({ contractId: p.contractId, ...p.month })),
    read('pendingConfirmations', 'serviceDay.list: PENDING, 4 weeks, all contracts (client)', () => client.serviceDay.list(pendingRange(p))),
    read('clientDashboard', 'report.dashboard (client)', () => client.report.dashboard()),
    read('catererDashboard', `report.dashboard (caterer, ${p.catererContracts} contracts)`, () => caterer.report.dashboard()),
    read('weeklyReport', 'report.weekly: one contract, one week (client)', () => client.report.weekly({ contractId: p.contractId, ...p.week })),
    write('confirmExpected', 'serviceDay.confirmExpected (client ADMIN)', p.openDays, (c, d) => c.serviceDay.confirmExpected(d)),
    write('confirmServed', 'serviceDay.confirmServed (caterer ADMIN)', p.unservedDays, (c, d) => c.serviceDay.confirmServed(d)),
    {
      key: 'autoLockSweep',
      label: 'auto-lock sweep (cron, every 15 min)',
      kind: 'job',
      warmUp: 1,
      runs: 20,
      // The i-th sweep runs 15 minutes after the previous one and locks what came due since.
      call: (handle, i) => autoLockDueServiceDays(handle, { now: new Date(SCALE_NOW.getTime() + i * SWEEP_STEP_MS) }),
    },
    {
      key: 'outboxClaim',
      label: 'outbox claim of 100 events (1 M processed rows)',
      kind: 'job',
      warmUp: 3,
      runs: 30,
      call: (handle) => claimOutboxBatch(handle, SCALE_NOW, 100),
    },
  ];
}

/** The details of a `contract.updated` event besides its parties, as the contract update writes them. */
const CONTRACT_UPDATED_DETAILS = { changed: ['defaultQuantity'], lockedServiceDays: 0, replacedServiceDays: 20, generatedServiceDays: 20 };

/** SQL of a `contract.updated` payload for the contract row aliased `k`, written by its caterer. */
export const contractUpdatedPayloadSql = (k: string) =>
  `jsonb_build_object('contractId', ${k}.id, 'cateringId', ${k}.catering_id, 'clientId', ${k}.client_id,
     'actorCompanyId', ${k}.catering_id, 'actorUserId', null) || '${JSON.stringify(CONTRACT_UPDATED_DETAILS)}'::jsonb`;

/** Fails fast when the typed payload schema no longer accepts what the benchmark writes. */
export async function assertPendingPayloadsValid(db: Database) {
  const [row] = await queryRows<{ event_type: string; payload: unknown }>(
    db,
    sql`select event_type, payload from outbox_events where status = 'PENDING' order by created_at desc limit 1`,
  );
  if (row) parseOutboxEvent(row.event_type, typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload);
}

/** Due events for the claim benchmark (the drain benchmarks insert their own later). */
export async function enqueueClaimableEvents(db: Database, count: number) {
  await db.execute(sql`
    insert into outbox_events (aggregate_id, event_type, payload, next_retry_at, created_at)
    select k.id, 'contract.updated', ${sql.raw(contractUpdatedPayloadSql('k'))},
      ${SCALE_NOW.toISOString()}::timestamptz - interval '1 minute',
      ${SCALE_NOW.toISOString()}::timestamptz - interval '1 minute' + i * interval '1 millisecond'
    from generate_series(1, ${count}::int) i
    join bench.contract k on k.n = i`);
  await assertPendingPayloadsValid(db);
  // No ANALYZE: 5,000 new rows in a table of a million stay below autovacuum's threshold.
}
