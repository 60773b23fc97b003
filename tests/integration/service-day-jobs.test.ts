import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailMessages, emailDeliveries, notifications, outboxEvents, processedEvents, serviceDays, users } from '@/db/schema';
import { runServiceDayJobs } from '@/server/jobs/service-day-jobs';
import { pruneOutbox } from '@/server/jobs/retention';
import { emailHandler } from '@/server/outbox/handlers/email';
import { notificationsHandler } from '@/server/outbox/handlers/notifications';
import { addUser, registerCompany, type Clock } from '../support/callers';
import { agreeContract } from '../support/contracts';
import { drainAndSend } from '../support/outbox-fixtures';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
const APP = 'http://chefops.test';
const handlers = () => [notificationsHandler, emailHandler(APP)];
// Monday 2026-03-02, 09:00 in Warsaw. Deliveries at 12:00 local with 24 h notice: the deadline
// of day D is D−1 11:00 UTC, so Tuesday's deadline is 3 hours away and Monday's has passed.
const clock: Clock = { now: new Date('2026-03-02T08:00:00Z') };
let clientId: string;
let clientRecipients: string[];
let contractIds: string[];

async function dayRows() {
  return t.db
    .select()
    .from(serviceDays)
    .where(inArray(serviceDays.contractId, contractIds))
    .orderBy(serviceDays.serviceDate, serviceDays.contractId);
}

beforeAll(async () => {
  t = await createTestDb();
  const client = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Acme Offices', timezone: 'Europe/Warsaw' }, clock);
  clientId = client.session.companyId;
  const manager = await addUser(t.db, clientId, 'MANAGER', clock);
  await addUser(t.db, clientId, 'EMPLOYEE', clock);
  clientRecipients = [client.session.email, manager.session.email].sort();
  contractIds = [];
  // Two caterers serve the same client: the client still gets ONE digest.
  for (const name of ['Good Food Ltd', 'Fresh Meals']) {
    const caterer = await registerCompany(t.db, { companyType: 'CATERING', companyName: name }, clock);
    const contract = await agreeContract(caterer, client);
    contractIds.push(contract.id);
  }
});
afterAll(() => t.close());

describe('runServiceDayJobs', () => {
  it('locks days past their deadline and sends one reminder digest per client for days due within 24 h', async () => {
    const summary = await runServiceDayJobs(t.db, { now: clock.now });
    expect(summary).toMatchObject({ autoLocked: 2, remindedDays: 2, reminderDigests: 1, failedSteps: [] });

    const days = await dayRows();
    const monday = days.filter((d) => d.serviceDate === '2026-03-02');
    const tuesday = days.filter((d) => d.serviceDate === '2026-03-03');
    expect(monday.map((d) => d.status)).toEqual(['EXPECTED_CONFIRMED', 'EXPECTED_CONFIRMED']);
    expect(monday.every((d) => d.reminderSentAt === null && d.expectedQuantityConfirmerId === null)).toBe(true);
    expect(tuesday.map((d) => d.reminderSentAt?.toISOString())).toEqual([clock.now.toISOString(), clock.now.toISOString()]);
    expect(days.filter((d) => d.serviceDate > '2026-03-03').every((d) => d.reminderSentAt === null && d.status === 'PENDING')).toBe(true);

    const digests = await t.db.select().from(outboxEvents).where(eq(outboxEvents.eventType, 'service_day.confirmation_due'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.aggregateId).toBe(clientId);
    const payload = digests[0]!.payload as { clientId: string; days: { serviceDayId: string; serviceDate: string; deadline: string }[] };
    expect(payload.clientId).toBe(clientId);
    expect(payload.days.map((d) => d.serviceDayId).sort()).toEqual(tuesday.map((d) => d.id).sort());
    expect(payload.days.every((d) => d.deadline === '2026-03-02T11:00:00.000Z')).toBe(true);
    expect(await t.db.$count(outboxEvents, eq(outboxEvents.eventType, 'service_day.expected_auto_locked'))).toBe(2);
  });

  it('running again at the same time reminds nobody twice and locks nothing more', async () => {
    const before = await dayRows();
    const summary = await runServiceDayJobs(t.db, { now: new Date(clock.now.getTime() + 10 * 60_000) });
    expect(summary).toMatchObject({ autoLocked: 0, remindedDays: 0, reminderDigests: 0 });
    expect(await dayRows()).toEqual(before);
    expect(await t.db.$count(outboxEvents, eq(outboxEvents.eventType, 'service_day.confirmation_due'))).toBe(1);
  });

  it('the digest reaches the client ADMIN/MANAGER users by email and in the app, linking to the due days', async () => {
    await drainAndSend(t.db, { handlers: handlers() });
    const [digest] = await t.db.select().from(outboxEvents).where(eq(outboxEvents.eventType, 'service_day.confirmation_due'));
    expect(digest!.status).toBe('PROCESSED');
    const rows = await t.db
      .select({ email: users.email, title: notifications.title, link: notifications.link })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.eventId, digest!.id));
    expect(rows.map((r) => r.email).sort()).toEqual(clientRecipients);
    expect(rows[0]!.title).toBe('Confirm 2 days by Mon 12:00');
    expect(rows[0]!.link).toBe('/service-days?from=2026-03-03&to=2026-03-03');
    const mails = await t.db.select().from(devMailMessages).where(sql`${devMailMessages.messageId} like ${`<${digest!.id}.%`}`);
    expect(mails.map((m) => m.to).sort()).toEqual(clientRecipients);
    expect(mails[0]!.text).toContain(`${APP}/service-days?from=2026-03-03&to=2026-03-03`);
    // In the client's zone (Warsaw), with the caterer named.
    expect(mails[0]!.text).toMatch(/Tue, 3 Mar \(Good Food Ltd\): confirm by Mon, 2 Mar( 2026)?, 12:00 CET/);
  });

  it('a day later: generates the next day, locks Tuesday, reminds only Wednesday', async () => {
    const tuesdayBefore = (await dayRows()).filter((d) => d.serviceDate === '2026-03-03');
    const nextDay = new Date('2026-03-03T08:00:00Z');
    const summary = await runServiceDayJobs(t.db, { now: nextDay });
    expect(summary).toMatchObject({ generated: 2, autoLocked: 2, remindedDays: 2, reminderDigests: 1, failedSteps: [] });
    const days = await dayRows();
    const tuesday = days.filter((d) => d.serviceDate === '2026-03-03');
    expect(tuesday.map((d) => d.status)).toEqual(['EXPECTED_CONFIRMED', 'EXPECTED_CONFIRMED']);
    expect(tuesday.map((d) => d.reminderSentAt)).toEqual(tuesdayBefore.map((d) => d.reminderSentAt));
    const wednesday = days.filter((d) => d.serviceDate === '2026-03-04');
    expect(wednesday.map((d) => d.reminderSentAt?.toISOString())).toEqual([nextDay.toISOString(), nextDay.toISOString()]);
    expect(await t.db.$count(outboxEvents, eq(outboxEvents.eventType, 'service_day.confirmation_due'))).toBe(2);
  });
});

describe('retention', () => {
  it('prunes PROCESSED events and ledger rows past the retention period, in capped batches, and keeps the rest', async () => {
    const now = new Date('2027-01-01T00:00:00Z');
    const old = new Date('2026-11-01T00:00:00Z');
    const recent = new Date('2026-12-20T00:00:00Z');
    const event = (status: 'PROCESSED' | 'DEAD' | 'PENDING', processedAt: Date | null) => ({
      id: randomUUID(),
      aggregateId: randomUUID(),
      eventType: 'contract.updated',
      payload: {},
      status,
      processedAt,
    });
    const oldProcessed = [1, 2, 3, 4, 5].map(() => event('PROCESSED', old));
    const recentProcessed = event('PROCESSED', recent);
    const dead = event('DEAD', null);
    const pending = event('PENDING', null);
    await t.db.delete(outboxEvents);
    await t.db.delete(processedEvents);
    await t.db.delete(emailDeliveries);
    const delivery = (status: 'SENT' | 'DEAD', sentAt: Date | null) => ({
      eventId: randomUUID(),
      recipient: 'someone@acme.test',
      messageId: `<${randomUUID()}@chefops>`,
      subject: 's',
      heading: 'h',
      body: 'b',
      status,
      sentAt,
    });
    await t.db.insert(emailDeliveries).values([delivery('SENT', old), delivery('SENT', recent), delivery('DEAD', null)]);
    await t.db.insert(outboxEvents).values([...oldProcessed, recentProcessed, dead, pending]);
    const ledger = (e: { id: string }, at: Date) => ({ eventKey: `${e.id}:notifications`, handlerName: 'notifications', processedAt: at });
    await t.db
      .insert(processedEvents)
      .values([...oldProcessed.map((e) => ledger(e, old)), ledger(recentProcessed, recent), ledger(dead, old), ledger(pending, old)]);

    const result = await pruneOutbox(t.db, { now, retentionDays: 30, batchSize: 2 });
    expect(result).toEqual({ outboxEventsDeleted: 5, ledgerRowsDeleted: 5, emailDeliveriesDeleted: 1 });
    expect((await t.db.select({ status: emailDeliveries.status }).from(emailDeliveries)).map((d) => d.status).sort()).toEqual(['DEAD', 'SENT']);
    const left = await t.db.select({ id: outboxEvents.id }).from(outboxEvents);
    expect(left.map((r) => r.id).sort()).toEqual([recentProcessed.id, dead.id, pending.id].sort());
    const keys = await t.db.select({ key: processedEvents.eventKey }).from(processedEvents);
    // The DEAD and PENDING events may still run: their ledger rows keep them from repeating effects.
    expect(keys.map((k) => k.key).sort()).toEqual([recentProcessed, dead, pending].map((e) => `${e.id}:notifications`).sort());

    // Capped: one batch of 2 deletes at most 2 per table, the rest waits for the next run.
    await t.db.insert(outboxEvents).values([1, 2, 3].map(() => event('PROCESSED', old)));
    expect(await pruneOutbox(t.db, { now, batchSize: 2, maxBatches: 1 })).toMatchObject({ outboxEventsDeleted: 2 });
    expect(await t.db.$count(outboxEvents, and(eq(outboxEvents.status, 'PROCESSED')))).toBe(2);
  });
});
