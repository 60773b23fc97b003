import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { devMailMessages } from '@/db/schema';
import type { DbOrTx } from '@/db/types';

/** A message ready to go: HTML and text parts rendered from one template. */
export type OutgoingEmail = { to: string; subject: string; text: string; html: string; messageId: string };

/**
 * Where outgoing mail goes. `db` is the sender's database (used by the dev mailbox), never a
 * transaction. `concurrency`: how many messages it takes at once (the SMTP pool's size).
 */
export type MailTransport = {
  kind: 'smtp' | 'dev-mailbox' | 'unconfigured';
  concurrency: number;
  send(db: DbOrTx, message: OutgoingEmail): Promise<void>;
  close?(): void;
};

export type SmtpPoolOptions = {
  /** SMTP connections kept open (and messages in flight) at once. */
  maxConnections?: number;
  /** Milliseconds to wait for the connection, the greeting, and any answer on the socket. */
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
};

export const SMTP_POOL_DEFAULTS = { maxConnections: 10, connectionTimeoutMs: 10_000, greetingTimeoutMs: 10_000, socketTimeoutMs: 30_000 };

/**
 * Real delivery over SMTP (`smtp://user:pass@host:port`, or `smtps://`) through one pooled
 * transport: up to `maxConnections` connections, reused across messages, with timeouts so a
 * mail server that stops answering fails the attempt instead of hanging it.
 */
export function smtpTransport(url: string, from: string, pool: SmtpPoolOptions = {}): MailTransport {
  const o = { ...SMTP_POOL_DEFAULTS, ...pool };
  // The URL is parsed here and spread: given as `url`, nodemailer would take its options from the
  // URL alone and silently drop the pool, its size and the timeouts (a new connection per message).
  const transporter = nodemailer.createTransport({
    ...parseConnectionUrl(url),
    pool: true,
    maxConnections: o.maxConnections,
    maxMessages: Infinity,
    connectionTimeout: o.connectionTimeoutMs,
    greetingTimeout: o.greetingTimeoutMs,
    socketTimeout: o.socketTimeoutMs,
  });
  return {
    kind: 'smtp',
    concurrency: o.maxConnections,
    async send(_db, m) {
      await transporter.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId });
    },
    close: () => transporter.close(),
  };
}

/** Development without SMTP: messages are stored (once per Message-ID) and shown at /dev/mail. */
export function devMailboxTransport(): MailTransport {
  return {
    kind: 'dev-mailbox',
    concurrency: 4,
    async send(db, m) {
      await db
        .insert(devMailMessages)
        .values({ messageId: m.messageId, to: m.to, subject: m.subject, text: m.text, html: m.html })
        .onConflictDoNothing({ target: devMailMessages.messageId });
    },
  };
}

/** Production without SMTP_URL: fail loudly, so the deliveries stay visible (retry, then DEAD). */
function unconfiguredTransport(): MailTransport {
  return {
    kind: 'unconfigured',
    concurrency: 1,
    async send() {
      throw new Error('SMTP_URL is not configured; cannot send email in production.');
    },
  };
}

export function mailTransportFromConfig(config: { smtpUrl?: string; from: string; devMailbox: boolean; pool?: SmtpPoolOptions }): MailTransport {
  if (config.devMailbox) return devMailboxTransport();
  return config.smtpUrl ? smtpTransport(config.smtpUrl, config.from, config.pool) : unconfiguredTransport();
}
