import { smtpTransport } from '@/server/mail/transport';
import { drainOutbox } from '@/server/outbox/drain';
import { emailHandler } from '@/server/outbox/handlers/email';
import { notificationsHandler } from '@/server/outbox/handlers/notifications';
import { round, timed } from '../support/measure';
import { startSmtpSink } from '../support/smtp-sink';
import { enqueueDrainEvents } from './outbox-vs-graphile';
import type { RunDatabase } from './run-database';

export const SMTP_SINK_PORT = 2531;
const SMTP_EVENTS = 300;
const REPLY_DELAY_MS = 50;

export type EmailFigures = {
  events: number;
  replyDelayMs: number;
  /** Messages the sink accepted per second while the outbox drained (one recipient per event). */
  messagesPerSecond: number;
  /** In-app notifications per second in the same drain (one drainer, the same batches). */
  inAppPerSecond: number;
  maxOpenSmtpSessions: number;
};

/**
 * Today's e-mail handler against an SMTP sink that answers after 50 ms: nodemailer over SMTP,
 * one transaction per event, in the same drain as the in-app notifications.
 */
export async function benchEmailAgainstSmtpSink(run: RunDatabase, appUrl: string): Promise<EmailFigures> {
  const sink = await startSmtpSink({ port: SMTP_SINK_PORT, replyDelayMs: REPLY_DELAY_MS });
  try {
    await enqueueDrainEvents(run, SMTP_EVENTS);
    const handlers = [notificationsHandler, emailHandler(smtpTransport(sink.url, 'ChefOps <bench@chefops.local>'), appUrl)];
    const drained = await timed(() => drainOutbox(run.db, { handlers, timeBudgetMs: 10 * 60_000 }));
    if (drained.result.processed !== SMTP_EVENTS || sink.accepted() !== SMTP_EVENTS) {
      throw new Error(`SMTP drain: ${JSON.stringify(drained.result)}, ${sink.accepted()} messages accepted`);
    }
    const perSecond = round(SMTP_EVENTS / (drained.ms / 1000));
    return { events: SMTP_EVENTS, replyDelayMs: REPLY_DELAY_MS, messagesPerSecond: perSecond, inAppPerSecond: perSecond, maxOpenSmtpSessions: sink.maxOpenSessions() };
  } finally {
    await sink.close();
  }
}
