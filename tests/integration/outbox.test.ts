import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailMessages, notifications, outboxEvents, processedEvents, users } from '@/db/schema';
import { linkToken } from '@/server/auth/tokens';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import type { OutboxHandler } from '@/server/outbox/handler';
import { emailHandler } from '@/server/outbox/handlers/email';
import { notificationsHandler } from '@/server/outbox/handlers/notifications';
import { listDeadEvents, replayDeadEvent } from '@/server/outbox/dead-letter';
import { healthReport } from '@/server/outbox/health';
import { queryRows } from '@/db/rows';
import { countRows } from '../support/callers';
import { enqueueWithChange, twoParties, drainAndSend } from '../support/outbox-fixtures';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
let parties: Awaited<ReturnType<typeof twoParties>>;
const APP = 'http://chefops.test';
const handlers = () => [notificationsHandler, emailHandler(APP)];

beforeAll(async () => {
  t = await createTestDb();
  parties = await twoParties(t.db);
});
afterAll(() => t.close());

async function emailsOf(userIds: string[]) {
  const rows = await t.db.select({ email: users.email }).from(users).where(inArray(users.id, userIds));
  return rows.map((r) => r.email).sort();
}

async function eventRow(id: string) {
  const [row] = await t.db.select().from(outboxEvents).where(eq(outboxEvents.id, id));
  return row!;
}

describe('draining the outbox', () => {
  it('turns one event into one notification and one email per counterpart ADMIN/MANAGER', async () => {
    const eventId = await enqueueWithChange(t.db, parties, 'contract.created', parties.cateringId);
    const result = await drainAndSend(t.db, { handlers: handlers() });
    expect(result).toMatchObject({ claimed: 1, processed: 1, failed: 0, dead: 0 });

    const rows = await t.db.select().from(notifications).where(eq(notifications.eventId, eventId));
    expect(await emailsOf(rows.map((r) => r.userId))).toEqual(parties.clientRecipients);
    expect(rows.every((r) => r.companyId === parties.clientId && r.title === 'Review the new contract with Good Food Ltd')).toBe(true);
    expect(rows[0]!.link).toMatch(/^\/contracts\/[0-9a-f-]{36}$/);

    const mails = await t.db.select().from(devMailMessages).where(sql`${devMailMessages.messageId} like ${`<${eventId}.%`}`);
    expect(mails.map((m) => m.to).sort()).toEqual(parties.clientRecipients);
    expect(mails[0]!.text).toContain(`${APP}/contracts/`);
    expect(mails[0]!.text).toContain('Good Food Ltd created a catering contract with you');
    expect(mails[0]!.html).toContain('Review the new contract with Good Food Ltd');

    const event = await eventRow(eventId);
    expect(event.status).toBe('PROCESSED');
    expect(event.processedAt).toBeInstanceOf(Date);
    const ledger = await t.db.select().from(processedEvents).where(sql`${processedEvents.eventKey} like ${`${eventId}:%`}`);
    expect(ledger.map((l) => l.eventKey).sort()).toEqual([`${eventId}:email`, `${eventId}:notifications`]);
  });

  it('a system event (auto-lock) tells both parties', async () => {
    const eventId = await enqueueWithChange(t.db, parties, 'service_day.expected_auto_locked', null, { serviceDate: '2026-03-02' });
    await drainAndSend(t.db, { handlers: handlers() });
    const rows = await t.db.select().from(notifications).where(eq(notifications.eventId, eventId));
    expect(await emailsOf(rows.map((r) => r.userId))).toEqual([...parties.cateringRecipients, ...parties.clientRecipients].sort());
    expect(rows[0]!.link).toContain('/service-days?contractId=');
    expect(rows[0]!.link).toContain('from=2026-03-02&to=2026-03-02');
  });

  it('draining again, even after the event became due again, has no second effect', async () => {
    const eventId = await enqueueWithChange(t.db, parties, 'contract.paused', parties.clientId);
    await drainAndSend(t.db, { handlers: handlers() });
    const before = { n: await countRows(t.db, 'notifications'), m: await countRows(t.db, 'dev_mail_messages') };
    expect(await drainAndSend(t.db, { handlers: handlers() })).toMatchObject({ claimed: 0 });
    // As if a drainer had died after its handlers committed but before marking the event.
    await t.db.update(outboxEvents).set({ status: 'PENDING', processedAt: null, nextRetryAt: new Date() }).where(eq(outboxEvents.id, eventId));
    expect(await drainAndSend(t.db, { handlers: handlers() })).toMatchObject({ claimed: 1, processed: 1 });
    expect({ n: await countRows(t.db, 'notifications'), m: await countRows(t.db, 'dev_mail_messages') }).toEqual(before);
  });

  it('a failing handler is retried with growing delays, goes DEAD after 5 attempts with its error kept, and blocks nothing', async () => {
    const poison = await enqueueWithChange(t.db, parties, 'contract.updated', parties.cateringId);
    const healthy = await enqueueWithChange(t.db, parties, 'contract.resumed', parties.cateringId);
    const failing: OutboxHandler = {
      name: 'flaky',
      eventTypes: ['contract.updated', 'contract.resumed'],
      async handle(_tx, events) {
        if (events.some((e) => e.id === poison)) throw new Error('mail server said no');
      },
    };
    // A second on: the rows' next_retry_at (the database's now()) has microseconds, a JS Date
    // only milliseconds, so "now" read in the same millisecond as an insert would not be due yet.
    let now = new Date(Date.now() + 1_000);
    const first = await drainAndSend(t.db, { handlers: [...handlers(), failing], now });
    expect(first).toMatchObject({ claimed: 2, processed: 1, failed: 1, dead: 0 });
    expect((await eventRow(healthy)).status).toBe('PROCESSED');
    // The notifications handler succeeded for the poison event; it must not run again.
    expect(await t.db.$count(notifications, eq(notifications.eventId, poison))).toBe(2);

    let previousDelay = 0;
    for (let attempt = 1; attempt <= 4; attempt++) {
      const row = await eventRow(poison);
      expect(row).toMatchObject({ status: 'PENDING', retryCount: attempt });
      expect(row.errorMessage).toContain('flaky: Error: mail server said no');
      const delay = row.nextRetryAt.getTime() - now.getTime();
      expect(delay).toBeGreaterThan(previousDelay);
      previousDelay = delay;
      // Not due yet: nothing to claim just before the retry time.
      expect(await drainAndSend(t.db, { handlers: [failing], now: new Date(row.nextRetryAt.getTime() - 1) })).toMatchObject({ claimed: 0 });
      now = row.nextRetryAt;
      const result = await drainAndSend(t.db, { handlers: [...handlers(), failing], now });
      expect(result).toMatchObject(attempt < 4 ? { claimed: 1, failed: 1 } : { claimed: 1, dead: 1 });
    }
    const dead = await eventRow(poison);
    expect(dead).toMatchObject({ status: 'DEAD', retryCount: 5 });
    expect(dead.errorMessage).toContain('mail server said no');
    expect(await t.db.$count(notifications, eq(notifications.eventId, poison))).toBe(2);
    expect((await listDeadEvents(t.db)).map((e) => e.id)).toContain(poison);

    // An operator replays it once the cause is fixed.
    expect(await replayDeadEvent(t.db, poison)).toBe(true);
    expect(await replayDeadEvent(t.db, healthy)).toBe(false);
    expect(await drainAndSend(t.db, { handlers: handlers() })).toMatchObject({ claimed: 1, processed: 1 });
    expect(await eventRow(poison)).toMatchObject({ status: 'PROCESSED', retryCount: 0 });
  });

  it('in a batch, one poison event does not hold back the set-based handler for the others', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => enqueueWithChange(t.db, parties, 'contract.terminated', parties.cateringId)));
    const poison = ids[1]!;
    const picky: OutboxHandler = {
      name: 'picky-batch',
      eventTypes: ['contract.terminated'],
      async handle(tx, events) {
        await notificationsHandler.handle(tx, events, { now: new Date() });
        if (events.some((e) => e.id === poison)) throw new Error('poison');
      },
    };
    const result = await drainAndSend(t.db, { handlers: [picky] });
    expect(result).toMatchObject({ claimed: 3, processed: 2, failed: 1 });
    expect(await t.db.$count(notifications, inArray(notifications.eventId, ids))).toBe(4);
    expect(await t.db.$count(notifications, eq(notifications.eventId, poison))).toBe(0);
  });

  it('a batch taken the careful way is leased first: its events are not due again while it is worked', async () => {
    const ids = await Promise.all([1, 2].map(() => enqueueWithChange(t.db, parties, 'contract.terminated', parties.cateringId)));
    const poison = ids[0]!;
    const now = new Date();
    const seenDueAt: Date[] = [];
    const inspecting: OutboxHandler = {
      name: 'inspecting-batch',
      eventTypes: ['contract.terminated'],
      async handle(tx, events) {
        if (events.some((e) => e.id === poison)) throw new Error('poison');
        // The careful path, one event in its own transaction: the lease was committed before it.
        for (const e of events) {
          const [row] = await tx.select({ due: outboxEvents.nextRetryAt }).from(outboxEvents).where(eq(outboxEvents.id, e.id));
          seenDueAt.push(row!.due);
        }
      },
    };
    const result = await drainAndSend(t.db, { handlers: [inspecting], now, leaseMs: 60_000 });
    expect(result).toMatchObject({ claimed: 2, processed: 1, failed: 1 });
    expect(seenDueAt.map((d) => d.getTime())).toEqual([now.getTime() + 60_000]);
  });

  it('an event whose payload fails its schema fails alone: retried, DEAD with the schema error, the others processed', async () => {
    const good = await Promise.all([1, 2].map(() => enqueueWithChange(t.db, parties, 'contract.terminated', parties.cateringId)));
    // Rows written around enqueue (by an older version, or by hand): a count as text, and an unknown type.
    const rawEvent = async (eventType: string, payload: Record<string, unknown>) =>
      (
        await queryRows<{ id: string }>(
          t.db,
          sql`insert into outbox_events (aggregate_id, event_type, payload)
              values (${randomUUID()}, ${eventType}, ${JSON.stringify(payload)}::jsonb) returning id`,
        )
      )[0]!.id;
    const served = { contractId: randomUUID(), cateringId: parties.cateringId, clientId: parties.clientId, actorCompanyId: parties.cateringId, actorUserId: null };
    const badPayload = await rawEvent('service_day.served_confirmed', {
      ...served,
      serviceDayId: randomUUID(),
      serviceDate: '2026-03-02',
      expectedQuantity: 20,
      servedQuantity: 'twenty',
    });
    const unknownType = await rawEvent('contract.exploded', served);

    // A second on: the rows' next_retry_at (the database's now()) has microseconds, a JS Date
    // only milliseconds, so "now" read in the same millisecond as an insert would not be due yet.
    let now = new Date(Date.now() + 1_000);
    const drain = () => drainAndSend(t.db, { handlers: handlers(), now, random: () => 1 });
    await drain();
    for (const id of good) {
      expect((await eventRow(id)).status).toBe('PROCESSED');
      expect(await t.db.$count(notifications, eq(notifications.eventId, id))).toBe(2);
    }
    const first = await eventRow(badPayload);
    expect(first).toMatchObject({ status: 'PENDING', retryCount: 1 });
    expect(first.errorMessage).toBe(
      'schema: InvalidEventPayloadError: service_day.served_confirmed payload does not match its schema: servedQuantity: Invalid input: expected number, received string',
    );
    expect((await eventRow(unknownType)).errorMessage).toBe('schema: InvalidEventPayloadError: Unknown event type contract.exploded.');

    for (let attempt = 2; attempt <= 5; attempt++) {
      now = (await eventRow(badPayload)).nextRetryAt;
      await drain();
      for (const id of [badPayload, unknownType]) {
        expect(await eventRow(id), `attempt ${attempt}`).toMatchObject({ status: attempt < 5 ? 'PENDING' : 'DEAD', retryCount: attempt });
      }
    }
    for (const id of [badPayload, unknownType]) {
      expect((await eventRow(id)).errorMessage).toMatch(/^schema: /);
      // No handler ever ran for them: no effects, no ledger rows.
      expect(await t.db.$count(notifications, eq(notifications.eventId, id))).toBe(0);
      expect(await t.db.$count(processedEvents, sql`${processedEvents.eventKey} like ${`${id}:%`}`)).toBe(0);
    }
    // An operator would discard them; the health test below counts DEAD events from zero.
    await t.db.delete(outboxEvents).where(inArray(outboxEvents.id, [badPayload, unknownType]));
  });

  it('account emails go to the payload address, and the token is scrubbed once processed', async () => {
    const token = `tok-${randomUUID()}`;
    await t.db.transaction((tx) =>
      enqueueOutboxEvent(tx, { type: 'auth.password_reset_requested', aggregateId: parties.clientAdmin.userId, payload: { email: 'someone@acme.test', token } }),
    );
    const notificationsBefore = await countRows(t.db, 'notifications');
    await drainAndSend(t.db, { handlers: handlers() });
    const [mail] = await t.db.select().from(devMailMessages).where(eq(devMailMessages.to, 'someone@acme.test'));
    expect(mail!.subject).toBe('Reset your ChefOps password');
    expect(mail!.text).toContain(`${APP}/reset-password?token=${token}`);
    expect(await countRows(t.db, 'notifications')).toBe(notificationsBefore);
    const [event] = await t.db.select().from(outboxEvents).where(eq(outboxEvents.eventType, 'auth.password_reset_requested'));
    expect(event!.status).toBe('PROCESSED');
    expect(event!.payload).toEqual({ email: 'someone@acme.test' });
  });

  it('a DEAD account event keeps no token either; replayed, its mail links with the token derived from its row', async () => {
    const legacy = randomUUID();
    const current = randomUUID();
    await t.db.transaction(async (tx) => {
      await enqueueOutboxEvent(tx, {
        type: 'user.invited',
        aggregateId: legacy,
        payload: { email: 'old@acme.test', companyName: 'Acme', role: 'EMPLOYEE', invitedByEmail: 'boss@acme.test', token: `tok-${legacy}` },
      });
      await enqueueOutboxEvent(tx, { type: 'auth.password_reset_requested', aggregateId: current, payload: { email: 'new@acme.test' } });
    });
    const failing: OutboxHandler = {
      name: 'email',
      eventTypes: ['user.invited', 'auth.password_reset_requested'],
      perEvent: true,
      async handle() {
        throw new Error('mail server down');
      },
    };
    expect(await drainAndSend(t.db, { handlers: [failing], maxAttempts: 1 })).toMatchObject({ dead: 2 });
    const dead = await t.db.select().from(outboxEvents).where(inArray(outboxEvents.aggregateId, [legacy, current]));
    expect(dead.map((e) => e.status)).toEqual(['DEAD', 'DEAD']);
    expect(Object.fromEntries(dead.map((e) => [e.aggregateId, e.payload]))).toEqual({
      [legacy]: { email: 'old@acme.test', companyName: 'Acme', role: 'EMPLOYEE', invitedByEmail: 'boss@acme.test' },
      [current]: { email: 'new@acme.test' },
    });
    const replayed = dead.find((e) => e.aggregateId === current)!;
    expect(await replayDeadEvent(t.db, replayed.id)).toBe(true);
    await drainAndSend(t.db, { handlers: handlers() });
    const [mail] = await t.db.select().from(devMailMessages).where(eq(devMailMessages.to, 'new@acme.test'));
    expect(mail!.text).toContain(`${APP}/reset-password?token=${linkToken('password-reset', current)}`);
    // The health checks below count DEAD events in this database.
    await t.db.delete(outboxEvents).where(inArray(outboxEvents.aggregateId, [legacy, current]));
  });
});

describe('health', () => {
  it('reports the backlog: pending, dead and the oldest pending age', async () => {
    await drainAndSend(t.db, { handlers: handlers() });
    const before = await healthReport(async () => t.db);
    expect(before.body).toMatchObject({ status: 'ok', database: 'up', outbox: { dead: 0 } });
    await t.db.transaction((tx) =>
      enqueueWithChange(tx, parties, 'contract.created', parties.cateringId),
    );
    const deadId = await enqueueWithChange(t.db, parties, 'contract.updated', parties.cateringId);
    await t.db.update(outboxEvents).set({ status: 'DEAD', retryCount: 5 }).where(eq(outboxEvents.id, deadId));
    const report = await healthReport(async () => t.db, new Date(Date.now() + 60_000));
    expect(report.httpStatus).toBe(200);
    expect(report.body).toMatchObject({
      status: 'degraded',
      database: 'up',
      outbox: { pending: before.body.outbox!.pending + 1, dead: 1 },
    });
    expect(report.body.outbox!.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(59);
    expect(report.body.outbox!.oldestPendingAgeSeconds).toBeLessThan(120);
  });

  it('answers 503 when the database cannot be reached', async () => {
    const report = await healthReport(async () => {
      throw new Error('connection refused');
    });
    expect(report).toEqual({ httpStatus: 503, body: { status: 'down', database: 'down', outbox: null, email: null } });
  });
});
