import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import * as schema from '@/db/schema';
import { queryRows } from '@/db/rows';
import type { Database } from '@/db/types';
import { sendEmailDeliveries } from '@/server/mail/sender';
import { smtpTransport } from '@/server/mail/transport';
import { drainOutbox } from '@/server/outbox/drain';
import { emailHandler } from '@/server/outbox/handlers/email';
import { notificationsHandler } from '@/server/outbox/handlers/notifications';
import { startSmtpSink } from '../../bench/support/smtp-sink';
import { effectRecorder, ensureEffectsTable } from '../support/effect-recorder';
import { twoParties } from '../support/outbox-fixtures';
import { createTestDb, onPostgres, type TestDb } from '../support/test-db';

let t: TestDb;
let parties: Awaited<ReturnType<typeof twoParties>>;
const clients: postgres.Sql[] = [];

/** A separate connection pool, as another app instance would have. */
function otherInstance(): Database {
  const client = postgres(t.url!, { max: 2, onnotice: () => {} });
  clients.push(client);
  return drizzle(client, { schema }) as unknown as Database;
}

async function insertEvents(count: number) {
  await t.db.execute(sql`
    insert into outbox_events (aggregate_id, event_type, payload, next_retry_at)
    select gen_random_uuid(), 'contract.created',
           jsonb_build_object('contractId', gen_random_uuid(), 'cateringId', ${parties.cateringId}::uuid,
                              'clientId', ${parties.clientId}::uuid, 'actorCompanyId', ${parties.cateringId}::uuid, 'actorUserId', null,
                              'generatedServiceDays', 0),
           now() - interval '1 second'
    from generate_series(1, ${count})`);
}

/**
 * Another app instance as a child process, in its own process group so that npx → tsx → node
 * can be killed together with SIGKILL, like a crashed instance. Killed when the test ends.
 */
function spawnInstance(script: string, args: string[], stdout: 'pipe' | 'inherit') {
  const child = spawn('npx', ['tsx', script, ...args], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['ignore', stdout, 'inherit'],
    env: { ...process.env, NODE_ENV: 'test' },
    detached: true,
  });
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  onTestFinished(killGroup);
  /** Kills it and resolves once it has exited, with the time of the kill. */
  const kill = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const killedAt = Date.now();
    killGroup();
    await exited;
    return killedAt;
  };
  return { child, kill };
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await queryRows<T>(t.db, query))[0]!;
}

describe.skipIf(!onPostgres)('outbox drainers in parallel (PostgreSQL)', () => {
  beforeAll(async () => {
    t = await createTestDb();
    parties = await twoParties(t.db);
    await ensureEffectsTable(t.db);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await t?.close();
  });

  it('4 drainers over 2,000 events: every handler effect happens exactly once', async () => {
    await insertEvents(2000);
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) =>
        drainOutbox(otherInstance(), { batchSize: 50, timeBudgetMs: 120_000, handlers: [notificationsHandler, effectRecorder(name)] }),
      ),
    );
    expect(results.reduce((n, r) => n + r.claimed, 0)).toBe(2000);
    expect(results.reduce((n, r) => n + r.processed, 0)).toBe(2000);
    expect(results.filter((r) => r.claimed > 0).length).toBeGreaterThan(1);

    const effects = await one<{ rows: number; events: number }>(
      sql`select count(*)::int as rows, count(distinct event_id)::int as events from drain_effects`,
    );
    expect(effects).toEqual({ rows: 2000, events: 2000 });
    const notes = await one<{ n: number }>(sql`select count(*)::int as n from notifications`);
    expect(notes.n).toBe(4000); // the client's ADMIN and MANAGER, once each per event
    const ledger = await one<{ n: number }>(sql`select count(*)::int as n from processed_events`);
    expect(ledger.n).toBe(4000);
    const statuses = await queryRows<{ status: string; n: number }>(t.db, sql`select status, count(*)::int as n from outbox_events group by status`);
    expect(statuses).toEqual([{ status: 'PROCESSED', n: 2000 }]);
  });

  /** A drainer child whose two batches (2 × 20) hang inside their handlers' transaction; resolves once both do. */
  async function hungDrainer(leaseMs: number) {
    const instance = spawnInstance('tests/support/hanging-drainer.ts', [t.url!, String(leaseMs), '20'], 'pipe');
    await new Promise<void>((resolve, reject) => {
      let handling = 0;
      instance.child.stdout!.on('data', (chunk: Buffer) => {
        handling += chunk.toString().split('HANDLING').length - 1;
        if (handling >= 2) resolve();
      });
      instance.child.on('exit', (code) => reject(new Error(`drainer exited early (${code})`)));
    });
    return instance;
  }

  async function effectsByDrainer() {
    return queryRows<{ drainer: string; n: number; events: number }>(
      t.db,
      sql`select drainer, count(*)::int as n, count(distinct event_id)::int as events from drain_effects group by drainer`,
    );
  }

  it('a drainer killed with two batches in flight strands nothing: its transactions end with it, another drainer does the work at once, once', async () => {
    await t.db.execute(sql`delete from drain_effects`);
    await insertEvents(50);
    const { kill } = await hungDrainer(60_000);
    await kill();

    // Its claims were row locks of its transactions, gone with its connections: nothing to wait for.
    const survivor = otherInstance();
    const drained = await drainOutbox(survivor, { batchSize: 100, handlers: [effectRecorder('survivor')] });
    expect(drained).toMatchObject({ claimed: 50, processed: 50 });
    // The killed drainer's effects rolled back with its transactions; each event ran exactly once.
    expect(await effectsByDrainer()).toEqual([{ drainer: 'survivor', n: 50, events: 50 }]);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from outbox_events where status <> 'PROCESSED'`)).n).toBe(0);
  }, 90_000);

  it('a drainer that hangs holds its events no longer than the lease: then another drainer does the work, once', async () => {
    await t.db.execute(sql`delete from drain_effects`);
    await insertEvents(50);
    const leaseMs = 3000;
    await hungDrainer(leaseMs);
    // Both its transactions are idle from about now (their handlers hang).
    const idleSince = Date.now();

    // Its 40 events are claimed (locked by its open transactions): a second drainer only gets the other 10.
    const survivor = otherInstance();
    const first = await drainOutbox(survivor, { batchSize: 100, handlers: [effectRecorder('survivor')] });
    expect(first).toMatchObject({ claimed: 10, processed: 10 });
    expect((await one<{ n: number }>(sql`select count(*)::int as n from outbox_events where status = 'PENDING'`)).n).toBe(40);

    // Idle in its transactions for longer than the lease, its sessions are ended by PostgreSQL.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, idleSince + leaseMs + 1000 - Date.now())));
    const second = await drainOutbox(survivor, { batchSize: 100, handlers: [effectRecorder('survivor')] });
    expect(second).toMatchObject({ claimed: 40, processed: 40 });
    expect(await effectsByDrainer()).toEqual([{ drainer: 'survivor', n: 50, events: 50 }]);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from outbox_events where status <> 'PROCESSED'`)).n).toBe(0);
  }, 90_000);

  it('a sender killed mid-send loses no delivery: after the lease the rest go out, only the in-flight ones again, with the same Message-ID', async () => {
    await t.db.execute(sql`delete from outbox_events`);
    await insertEvents(15);
    await drainOutbox(t.db, { handlers: [emailHandler('https://chefops.test')] });
    // 15 events to the client's ADMIN and MANAGER: 30 deliveries.
    expect((await one<{ n: number }>(sql`select count(*)::int as n from email_deliveries where status = 'PENDING'`)).n).toBe(30);

    const hanging = await startSmtpSink({ port: 0, replyDelayMs: 0, gate: new Promise(() => {}) });
    const healthy = await startSmtpSink({ port: 0, replyDelayMs: 0, keep: true });
    const transport = smtpTransport(healthy.url, 'ChefOps <no-reply@chefops.test>', { maxConnections: 5 });
    onTestFinished(async () => {
      transport.close?.();
      await Promise.all([hanging.close(), healthy.close()]);
    });
    const leaseMs = 3000;
    const { kill } = spawnInstance('tests/support/hanging-sender.ts', [t.url!, hanging.url, String(leaseMs), '10', '4'], 'inherit');
    // Killed while 4 messages are on the wire, unanswered (10 claimed).
    const deadline = Date.now() + 60_000;
    while (hanging.received.length < 4) {
      if (Date.now() > deadline) throw new Error('the sender never sent');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const killedAt = await kill();
    const inFlight = [...hanging.received];
    expect(inFlight).toHaveLength(4);

    // The killed sender's 10 are leased: another sender now sends only the other 20.
    const survivor = otherInstance();
    expect(await sendEmailDeliveries(survivor, transport, { batchSize: 100 })).toMatchObject({ claimed: 20, sent: 20 });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, killedAt + leaseMs + 200 - Date.now())));
    expect(await sendEmailDeliveries(survivor, transport, { batchSize: 100 })).toMatchObject({ claimed: 10, sent: 10 });

    const ids = healthy.messages.map((raw) => /^message-id:\s*(.+)$/im.exec(raw)![1]!.trim());
    // Every delivery went out once to the healthy server; the in-flight ones are the only repeats.
    expect(new Set(ids).size).toBe(30);
    expect(ids).toHaveLength(30);
    const stored = await queryRows<{ message_id: string; status: string }>(t.db, sql`select message_id, status from email_deliveries`);
    expect(stored.every((d) => d.status === 'SENT')).toBe(true);
    expect(new Set(stored.map((d) => d.message_id))).toEqual(new Set(ids));
    for (const id of inFlight) expect(ids).toContain(id);
  }, 120_000);
});
