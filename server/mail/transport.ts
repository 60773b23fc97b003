import net from 'node:net';
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

type SocketDone = (error: Error | null, socket?: { connection: net.Socket }) => void;

/**
 * Opens the TCP connection with Nagle's algorithm off. SMTP is a chat of small lines; with Nagle
 * on, a command's last segment waits for the server's ACK of the previous one, which the server
 * delays by ~40 ms: each pooled message then cost ~95 ms against a server answering in 50 ms
 * (bench/README.md). nodemailer has no option for it, so the pool is handed the socket (TLS for
 * smtps:// is still negotiated by nodemailer on top of it).
 */
export function noDelaySocket(timeoutMs: number) {
  return (options: { host?: string; port?: number; secure?: boolean }, done: SocketDone) => {
    const port = options.port ?? (options.secure ? 465 : 587);
    const socket = net.connect({ host: options.host ?? 'localhost', port, noDelay: true });
    const fail = (error: Error) => {
      socket.destroy();
      done(error);
    };
    socket.setTimeout(timeoutMs, () => fail(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })));
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.off('error', fail);
      done(null, { connection: socket });
    });
  };
}

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
    getSocket: noDelaySocket(o.connectionTimeoutMs),
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
