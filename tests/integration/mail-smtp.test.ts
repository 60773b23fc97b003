import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailMessages, emailDeliveries, notifications, outboxEvents } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { runOutboxJob } from '@/server/jobs/outbox-job';
import { sendEmailDeliveries } from '@/server/mail/sender';
import { messageIdFor } from '@/server/mail/templates';
import { smtpTransport, type MailTransport } from '@/server/mail/transport';
import { listDeadDeliveries, replayDeadDelivery } from '@/server/outbox/dead-letter';
import { drainOutbox } from '@/server/outbox/drain';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { emailHandler } from '@/server/outbox/handlers/email';
import { notificationsHandler } from '@/server/outbox/handlers/notifications';
import { healthReport } from '@/server/outbox/health';
import { startSmtpSink, type SmtpSink } from '../../bench/support/smtp-sink';
import { addUser, callerFor, countRows, registerCompany } from '../support/callers';
import { htmlText, parseMail } from '../support/mime';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
const APP = 'https://chefops.example';
const FROM = 'ChefOps <no-reply@chefops.test>';
const NOW = new Date('2026-12-01T20:00:00Z');
const handlers = [notificationsHandler, emailHandler(APP)];
const sinks: SmtpSink[] = [];
const transports: MailTransport[] = [];

async function sink(opts: Partial<Parameters<typeof startSmtpSink>[0]> = {}) {
  const s = await startSmtpSink({ port: 0, replyDelayMs: 0, keep: true, ...opts });
  sinks.push(s);
  return s;
}
function transportTo(s: SmtpSink, maxConnections = 5) {
  const transport = smtpTransport(s.url, FROM, { maxConnections, socketTimeoutMs: 20_000 });
  transports.push(transport);
  return transport;
}

type Company = Awaited<ReturnType<typeof registerCompany>> & { recipients: string[] };
let caterer: Company;
const clients: Record<'warsaw' | 'newYork' | 'kolkata', Company> = {} as never;

/** Events are due at the test's fixed clock (written with the real one). */
const dueAtNow = () =>
  t.db.execute(sql`update outbox_events set next_retry_at = ${new Date(NOW.getTime() - 1000).toISOString()}::timestamptz where status = 'PENDING'`);

async function company(companyType: 'CATERING' | 'CLIENT', companyName: string, timezone: string): Promise<Company> {
  const c = await registerCompany(t.db, { companyType, companyName, timezone });
  const manager = await addUser(t.db, c.session.companyId, 'MANAGER');
  await addUser(t.db, c.session.companyId, 'EMPLOYEE');
  return { ...c, recipients: [c.session.email, manager.session.email].sort() };
}

/** One reminder digest for the client: a day on Thu 3 Dec whose deadline is `deadline`. */
async function remind(client: Company, deadline: string) {
  const eventId = await t.db.transaction(async (tx) => {
    await enqueueOutboxEvent(tx, {
      type: 'service_day.confirmation_due',
      aggregateId: client.session.companyId,
      payload: {
        clientId: client.session.companyId,
        actorCompanyId: null,
        actorUserId: null,
        days: [{ serviceDayId: randomUUID(), contractId: randomUUID(), cateringId: caterer.session.companyId, serviceDate: '2026-12-03', deadline }],
      },
    });
    const [row] = await tx
      .select({ id: outboxEvents.id })
      .from(outboxEvents)
      .where(eq(outboxEvents.aggregateId, client.session.companyId))
      .orderBy(sql`${outboxEvents.createdAt} desc`)
      .limit(1);
    return row!.id;
  });
  await dueAtNow();
  return eventId;
}

/** A contract event from the caterer to the client. */
async function contractEvent(client: Company) {
  return t.db.transaction(async (tx) => {
    const contractId = randomUUID();
    await enqueueOutboxEvent(tx, {
      type: 'contract.updated',
      aggregateId: contractId,
      payload: {
        contractId,
        cateringId: caterer.session.companyId,
        clientId: client.session.companyId,
        actorCompanyId: caterer.session.companyId,
        actorUserId: null,
        changed: ['defaultQuantity'],
        lockedServiceDays: 0,
        replacedServiceDays: 0,
        generatedServiceDays: 0,
      },
    });
    return contractId;
  }).finally(dueAtNow);
}

beforeAll(async () => {
  t = await createTestDb();
  caterer = await company('CATERING', 'Good Food Ltd', 'America/New_York');
  clients.warsaw = await company('CLIENT', 'Acme Corp', 'Europe/Warsaw');
  clients.newYork = await company('CLIENT', 'Hudson Offices', 'America/New_York');
  clients.kolkata = await company('CLIENT', 'Chai Systems', 'Asia/Kolkata');
});
afterAll(async () => {
  for (const transport of transports) transport.close?.();
  await Promise.all(sinks.map((s) => s.close()));
  await t.close();
});

describe('e-mail deliveries over pooled SMTP', () => {
  it('one pooled transport: messages share its connections, never more than its size', async () => {
    const s = await sink();
    const transport = transportTo(s, 3);
    const message = (i: number) => ({ to: `r${i}@acme.test`, subject: `m${i}`, text: 'hi', html: '<p>hi</p>', messageId: `<pool-${i}@chefops.test>` });
    await Promise.all(Array.from({ length: 12 }, (_, i) => transport.send(t.db, message(i))));
    for (let i = 12; i < 15; i++) await transport.send(t.db, message(i));
    expect(s.accepted()).toBe(15);
    expect(s.maxOpenSessions()).toBeLessThanOrEqual(3);
    expect(s.sessionsOpened()).toBeLessThanOrEqual(3);
  });

  it('a reminder reads right in Warsaw, New York and Kolkata: in the bell, and in the HTML and text parts of the e-mail', async () => {
    const events = {
      warsaw: await remind(clients.warsaw, '2026-12-02T11:00:00.000Z'), // 12:00 CET
      newYork: await remind(clients.newYork, '2026-12-02T14:37:00.000Z'), // 09:37 EST
      kolkata: await remind(clients.kolkata, '2026-12-02T06:30:00.000Z'), // 12:00 IST
    };
    const expected = {
      warsaw: { title: 'Confirm 1 day for Good Food Ltd by Wed 12:00', by: 'confirm by Wed, 2 Dec, 12:00 CET' },
      newYork: { title: 'Confirm 1 day for Good Food Ltd by Wed 09:37', by: 'confirm by Wed, 2 Dec, 09:37 EST' },
      kolkata: { title: 'Confirm 1 day for Good Food Ltd by Wed 12:00', by: 'confirm by Wed, 2 Dec, 12:00 IST' },
    };
    expect(await drainOutbox(t.db, { handlers, now: NOW })).toMatchObject({ claimed: 3, processed: 3, failed: 0 });
    // Recorded, not sent: the drain never talks to a mail server.
    expect(await t.db.$count(emailDeliveries, eq(emailDeliveries.status, 'PENDING'))).toBe(6);

    const smtp = await sink();
    const sent = await sendEmailDeliveries(t.db, transportTo(smtp), { now: NOW });
    expect(sent).toEqual({ claimed: 6, sent: 6, retried: 0, dead: 0 });
    expect(smtp.messages).toHaveLength(6);
    const mails = smtp.messages.map(parseMail);

    for (const [zone, eventId] of Object.entries(events) as [keyof typeof events, string][]) {
      const { title, by } = expected[zone];
      const bell = await t.db.select().from(notifications).where(eq(notifications.eventId, eventId));
      expect(bell).toHaveLength(2);
      for (const n of bell) {
        expect(n.title).toBe(title);
        expect(n.body).toContain(`Thu, 3 Dec (Good Food Ltd): ${by}`);
      }
      for (const to of clients[zone].recipients) {
        const mail = mails.find((m) => m.headers.get('to') === to)!;
        expect(mail.headers.get('subject')).toBe(title);
        expect(mail.headers.get('message-id')).toBe(messageIdFor(eventId, to));
        expect(mail.headers.get('content-type')).toMatch(/^multipart\/alternative/);
        const link = new RegExp(`${APP}/service-days\\?contractId=[0-9a-f-]{36}&(amp;)?from=2026-12-03&(amp;)?to=2026-12-03`);
        for (const part of [mail.text, htmlText(mail.html)]) {
          expect(part).toContain(title);
          expect(part).toContain(`Thu, 3 Dec (Good Food Ltd): ${by}`);
          expect(part).not.toMatch(/UTC|\d{4}-\d{2}-\d{2}T/);
        }
        // A button to the exact page, and a link to stop this category's e-mails.
        expect(mail.text).toMatch(link);
        expect(mail.html).toMatch(new RegExp(`<a href="${link.source}"`));
        expect(mail.text).toContain(`Stop e-mails like this: ${APP}/settings/notifications?category=reminders`);
        expect(mail.html).toContain(`href="${APP}/settings/notifications?category=reminders"`);
      }
    }
    const rows = await t.db.select().from(emailDeliveries);
    expect(rows.map((r) => r.status)).toEqual(Array(6).fill('SENT'));
    // Real SMTP configured: nothing goes to the development mailbox.
    expect(await countRows(t.db, 'dev_mail_messages')).toBe(0);
  });

  it('e-mail follows each user’s preferences per category; in-app notifications always come', async () => {
    const client = clients.warsaw;
    const admin = client.caller;
    expect(await admin.user.notificationPreferences()).toEqual({
      email: { reminders: true, confirmations: true, disputes: true, contracts: true, statements: true },
    });
    expect(await admin.user.setNotificationPreferences({ email: { reminders: false } })).toEqual({
      email: { reminders: false, confirmations: true, disputes: true, contracts: true, statements: true },
    });
    // Bad input changes nothing.
    await expect(admin.user.setNotificationPreferences({ email: { holidays: false } as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(callerFor(t.db, null).user.notificationPreferences()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    const reminder = await remind(client, '2026-12-03T11:00:00.000Z');
    const contractId = await contractEvent(client);
    await drainOutbox(t.db, { handlers, now: NOW });
    const [updated] = await t.db.select({ id: outboxEvents.id }).from(outboxEvents).where(eq(outboxEvents.aggregateId, contractId));
    const recipientsOf = async (eventId: string) =>
      (await t.db.select({ to: emailDeliveries.recipient }).from(emailDeliveries).where(eq(emailDeliveries.eventId, eventId))).map((r) => r.to).sort();
    const manager = client.recipients.find((e) => e !== client.session.email)!;
    expect(await recipientsOf(reminder)).toEqual([manager]);
    expect(await recipientsOf(updated!.id)).toEqual(client.recipients);
    expect(await t.db.$count(notifications, eq(notifications.eventId, reminder))).toBe(2);

    // Back on: the next reminder comes by e-mail again.
    await admin.user.setNotificationPreferences({ email: { reminders: true } });
    const next = await remind(client, '2026-12-04T11:00:00.000Z');
    await drainOutbox(t.db, { handlers, now: NOW });
    expect(await recipientsOf(next)).toEqual(client.recipients);
    await sendEmailDeliveries(t.db, transportTo(await sink()), { now: NOW });
  });

  it('a refusing SMTP server: temporary errors are retried with growing delays, then DEAD with the SMTP error; 5xx is DEAD at once', async () => {
    await t.db.transaction((tx) =>
      enqueueOutboxEvent(tx, { type: 'auth.password_reset_requested', aggregateId: randomUUID(), payload: { email: 'me@acme.test' } }),
    );
    await dueAtNow();
    await drainOutbox(t.db, { handlers, now: NOW });
    const [delivery] = await t.db.select().from(emailDeliveries).where(eq(emailDeliveries.recipient, 'me@acme.test'));
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 0, secretLink: true });
    expect(delivery!.actionUrl).toContain(`${APP}/reset-password?token=`);

    const busy = transportTo(await sink({ refuse: { responseCode: 451, message: 'Try again later' } }));
    let now = NOW;
    let previousDelay = 0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await sendEmailDeliveries(t.db, busy, { now, maxAttempts: 4 });
      expect(result).toEqual({ claimed: 1, sent: 0, retried: 1, dead: 0 });
      const [row] = await t.db.select().from(emailDeliveries).where(eq(emailDeliveries.id, delivery!.id));
      expect(row).toMatchObject({ status: 'PENDING', attempts: attempt });
      expect(row!.lastError).toContain('451');
      const delay = row!.nextAttemptAt.getTime() - now.getTime();
      expect(delay).toBeGreaterThan(previousDelay);
      previousDelay = delay;
      expect(await sendEmailDeliveries(t.db, busy, { now: new Date(row!.nextAttemptAt.getTime() - 1) })).toMatchObject({ claimed: 0 });
      now = row!.nextAttemptAt;
    }
    expect(await sendEmailDeliveries(t.db, busy, { now, maxAttempts: 4 })).toEqual({ claimed: 1, sent: 0, retried: 0, dead: 1 });
    const [dead] = await t.db.select().from(emailDeliveries).where(eq(emailDeliveries.id, delivery!.id));
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 4, actionUrl: null });
    expect(dead!.lastError).toContain('451 Try again later');

    // A permanent refusal is not retried.
    const contractId = await contractEvent(clients.newYork);
    await drainOutbox(t.db, { handlers, now });
    const refusing = transportTo(await sink({ refuse: { responseCode: 550, message: 'Mailbox unavailable' } }));
    expect(await sendEmailDeliveries(t.db, refusing, { now })).toEqual({ claimed: 2, sent: 0, retried: 0, dead: 2 });
    // The event itself is done: its in-app notifications came, and nothing waits in the outbox.
    const [event] = await t.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, contractId));
    expect(event!.status).toBe('PROCESSED');

    // Operators see the dead deliveries: /api/health and `npm run outbox:dead`.
    const health = await healthReport(async () => t.db);
    expect(health.body).toMatchObject({ status: 'degraded', outbox: { dead: 0 }, email: { dead: 3 } });
    const listed = await listDeadDeliveries(t.db);
    expect(listed.map((d) => d.recipient).sort()).toEqual(['me@acme.test', ...clients.newYork.recipients].sort());
    expect(listed.find((d) => d.recipient === clients.newYork.session.email)!.lastError).toContain('550 Mailbox unavailable');
    // Replayed after the cause is fixed (not the one-time link: its token is gone).
    const replayable = listed.find((d) => d.recipient === clients.newYork.session.email)!;
    expect(await replayDeadDelivery(t.db, dead!.id)).toBe(false);
    expect(await replayDeadDelivery(t.db, replayable.id, now)).toBe(true);
    const ok = await sink();
    expect(await sendEmailDeliveries(t.db, transportTo(ok), { now })).toMatchObject({ sent: 1 });
    expect(parseMail(ok.messages[0]!).headers.get('message-id')).toBe(replayable.messageId);
    await t.db.delete(emailDeliveries).where(eq(emailDeliveries.status, 'DEAD'));
  });

  it('a slow mail server does not delay in-app notifications: the outbox job drains at once while messages wait', async () => {
    let open: () => void = () => {};
    const slow = await sink({ gate: new Promise<void>((resolve) => (open = resolve)) });
    const contractIds = await Promise.all([clients.warsaw, clients.newYork, clients.kolkata].map((c) => contractEvent(c)));
    const started = Date.now();
    const job = runOutboxJob(t.db, { transport: transportTo(slow, 2), timeBudgetMs: 30_000 });

    const eventIds = (await t.db.select({ id: outboxEvents.id }).from(outboxEvents).where(inArray(outboxEvents.aggregateId, contractIds))).map((e) => e.id);
    for (;;) {
      const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from notifications where event_id in (${sql.join(eventIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
      if (Number(row!.n) === 6) break;
      expect(Date.now() - started).toBeLessThan(20_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Every notification is in while the mail server holds the first messages unanswered.
    while (slow.received.length < 2) {
      expect(Date.now() - started).toBeLessThan(20_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(slow.accepted()).toBe(0);
    expect(await t.db.$count(outboxEvents, eq(outboxEvents.status, 'PENDING'))).toBe(0);
    open();
    const result = await job;
    expect(result).toMatchObject({ claimed: 3, processed: 3, email: { sent: 6, retried: 0, dead: 0 } });
    expect(slow.accepted()).toBe(6);
    expect(await t.db.$count(devMailMessages)).toBe(0);
  }, 60_000);
});
