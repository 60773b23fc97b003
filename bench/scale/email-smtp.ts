import { sql } from 'drizzle-orm';
import { sendEmailDeliveries } from '@/server/mail/sender';
import { smtpTransport } from '@/server/mail/transport';
import { drainOutbox } from '@/server/outbox/drain';
import { emailHandler } from '@/server/outbox/handlers/email';
import { notificationsHandler } from '@/server/outbox/handlers/notifications';
import { round } from '../support/measure';
import { startSmtpSink } from '../support/smtp-sink';
import { enqueueDrainEvents } from './outbox-vs-graphile';
import type { RunDatabase } from './run-database';

export const SMTP_SINK_PORT = 2531;
/** Events whose one e-mail each goes to the sink; enough for several seconds of sending. */
export const SMTP_EVENTS = 2000;
export const REPLY_DELAY_MS = 50;
export const SMTP_POOL_SIZE = 10;

export type EmailFigures = {
  events: number;
  replyDelayMs: number;
  poolSize: number;
  /** Messages the sink accepted per second, from the start of the drain to the last answer. */
  messagesPerSecond: number;
  /** Events per second the drain (in-app notifications + deliveries recorded) kept meanwhile. */
  inAppPerSecond: number;
  maxOpenSmtpSessions: number;
  /**
   * The ceiling: the same pool sending ready-made messages to the same sink, no database and no
   * drain, right after (the sender cannot beat its transport).
   */
  transportAlonePerSecond: number;
};

/** Messages per second of a pooled transport alone: `count` small messages, `SMTP_POOL_SIZE` at a time. */
async function transportAlone(url: string, count: number) {
  const transport = smtpTransport(url, 'ChefOps <bench@chefops.local>', { maxConnections: SMTP_POOL_SIZE });
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SMTP_POOL_SIZE }, async () => {
        for (let i = next++; i < count; i = next++) {
          await transport.send(null as never, { to: `r${i}@bench.test`, subject: `m${i}`, text: 'hi', html: '<p>hi</p>', messageId: `<alone-${i}@bench.test>` });
        }
      }),
    );
    return round(count / ((performance.now() - started) / 1000));
  } finally {
    transport.close?.();
  }
}

/**
 * The outbox job as it runs in production, against an SMTP sink that answers each message after
 * 50 ms: the drain (in-app notifications and e-mail deliveries recorded) and, at the same time,
 * the sender through one pooled transport (10 connections). Both rates come from the same run.
 */
export async function measureEmailBesideDrain(
  db: RunDatabase['db'],
  opts: { port: number; appUrl: string; events: number; enqueue: () => Promise<void>; expectAccepted?: number },
): Promise<EmailFigures> {
  const sink = await startSmtpSink({ port: opts.port, replyDelayMs: REPLY_DELAY_MS });
  const transport = smtpTransport(sink.url, 'ChefOps <bench@chefops.local>', { maxConnections: SMTP_POOL_SIZE });
  try {
    // Deliveries recorded by earlier benchmarks were never meant to be sent.
    await db.execute(sql`delete from email_deliveries where status = 'PENDING'`);
    await opts.enqueue();
    const handlers = [notificationsHandler, emailHandler(opts.appUrl)];
    const started = performance.now();
    let draining = true;
    let drainMs = 0;
    const drain = drainOutbox(db, { handlers, timeBudgetMs: 10 * 60_000 }).finally(() => {
      draining = false;
      drainMs = performance.now() - started;
    });
    const send = sendEmailDeliveries(db, transport, { timeBudgetMs: 10 * 60_000, keepWaiting: () => draining });
    const [drained, sent] = await Promise.all([drain, send]);
    const sendMs = performance.now() - started;
    const expected = opts.expectAccepted ?? opts.events;
    if (drained.processed !== opts.events || sent.sent !== expected || sink.accepted() !== expected) {
      throw new Error(`SMTP run: drained ${JSON.stringify(drained)}, sent ${JSON.stringify(sent)}, ${sink.accepted()} accepted`);
    }
    // Counted before the ceiling's own pool connects to the same sink.
    const maxOpenSmtpSessions = sink.maxOpenSessions();
    transport.close?.();
    const transportAlonePerSecond = await transportAlone(sink.url, 500);
    return {
      transportAlonePerSecond,
      events: opts.events,
      replyDelayMs: REPLY_DELAY_MS,
      poolSize: SMTP_POOL_SIZE,
      messagesPerSecond: round(expected / (sendMs / 1000)),
      inAppPerSecond: round(opts.events / (drainMs / 1000)),
      maxOpenSmtpSessions,
    };
  } finally {
    transport.close?.();
    await sink.close();
  }
}

/** On the 10× run's database: 2,000 events to the 50 clients' ADMINs, one e-mail each. */
export function benchEmailAgainstSmtpSink(run: RunDatabase, appUrl: string): Promise<EmailFigures> {
  return measureEmailBesideDrain(run.db, { port: SMTP_SINK_PORT, appUrl, events: SMTP_EVENTS, enqueue: () => enqueueDrainEvents(run, SMTP_EVENTS) });
}
