import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailMessages, outboxEvents } from '@/db/schema';
import { messageIdFor } from '@/server/mail/templates';
import { smtpTransport } from '@/server/mail/transport';
import { drainOutbox } from '@/server/outbox/drain';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { emailHandler } from '@/server/outbox/handlers/email';
import { countRows } from '../support/callers';
import { enqueueWithChange, twoParties } from '../support/outbox-fixtures';
import { createTestDb, type TestDb } from '../support/test-db';

type Received = { from: string; to: string[]; raw: string };

let t: TestDb;
let server: SMTPServer;
let port: number;
const received: Received[] = [];
const APP = 'https://chefops.example';

/** Headers unfolded, body decoded from quoted-printable: what a mail client shows. */
function parse(raw: string) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head!.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const body = rest
    .join('\n\n')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { headers, body };
}

beforeAll(async () => {
  t = await createTestDb();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

describe('email over SMTP', () => {
  it('delivers one message per recipient with subject, link and a Message-ID derived from event and recipient', async () => {
    const parties = await twoParties(t.db);
    const eventId = await enqueueWithChange(t.db, parties, 'service_day.disputed', parties.clientId, {
      serviceDate: '2026-03-05',
      servedQuantity: 30,
      reason: 'Only 25 people ate.',
    });
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'ChefOps <no-reply@chefops.test>');
    const result = await drainOutbox(t.db, { handlers: [emailHandler(transport, APP)] });
    expect(result).toMatchObject({ claimed: 1, processed: 1, failed: 0 });

    expect(received.flatMap((m) => m.to).sort()).toEqual(parties.cateringRecipients);
    for (const message of received) {
      const { headers, body } = parse(message.raw);
      const to = message.to[0]!;
      expect(message.from).toBe('no-reply@chefops.test');
      expect(headers.get('to')).toBe(to);
      expect(headers.get('subject')).toBe('ChefOps: Served count disputed for 2026-03-05');
      expect(headers.get('message-id')).toBe(messageIdFor(eventId, to));
      expect(body).toContain('Acme Offices disputed the served count for 2026-03-05. Reason: Only 25 people ate.');
      expect(body).toMatch(new RegExp(`${APP}/service-days\\?contractId=[0-9a-f-]{36}&from=2026-03-05&to=2026-03-05`));
    }
    // Real SMTP configured: nothing goes to the development mailbox.
    expect(await countRows(t.db, 'dev_mail_messages')).toBe(0);
  });

  it('an SMTP failure keeps the event for a retry, with the error recorded', async () => {
    received.length = 0;
    await t.db.transaction((tx) =>
      enqueueOutboxEvent(tx, { type: 'auth.password_reset_requested', aggregateId: crypto.randomUUID(), payload: { email: 'me@acme.test', token: 'secret-token' } }),
    );
    const closedPort = smtpTransport('smtp://127.0.0.1:1', 'ChefOps <no-reply@chefops.test>');
    const result = await drainOutbox(t.db, { handlers: [emailHandler(closedPort, APP)] });
    expect(result).toMatchObject({ claimed: 1, failed: 1 });
    const [event] = await t.db.select().from(outboxEvents).where(eq(outboxEvents.eventType, 'auth.password_reset_requested'));
    expect(event).toMatchObject({ status: 'PENDING', retryCount: 1 });
    expect(event!.errorMessage).toMatch(/^email: /);
    expect(event!.payload).toMatchObject({ token: 'secret-token' });

    // Once the server is reachable, the retry delivers it and the token is scrubbed.
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'ChefOps <no-reply@chefops.test>');
    await drainOutbox(t.db, { handlers: [emailHandler(transport, APP)], now: event!.nextRetryAt });
    expect(received).toHaveLength(1);
    const { headers, body } = parse(received[0]!.raw);
    expect(headers.get('subject')).toBe('Reset your ChefOps password');
    expect(body).toContain(`${APP}/reset-password?token=secret-token`);
    const [after] = await t.db.select().from(outboxEvents).where(eq(outboxEvents.id, event!.id));
    expect(after!.status).toBe('PROCESSED');
    expect(after!.payload).toEqual({ email: 'me@acme.test' });
    expect(await t.db.$count(devMailMessages)).toBe(0);
  });
});
