import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type SmtpSink = {
  url: string;
  /** Messages accepted so far. */
  accepted: () => number;
  /** Most SMTP sessions open at once (a pooled transport keeps up to its pool size). */
  maxOpenSessions: () => number;
  /** SMTP sessions opened so far (a pooled transport reuses its connections). */
  sessionsOpened: () => number;
  /** Raw messages accepted, when started with `keep: true`. */
  messages: string[];
  /** The Message-ID of every message received (answered or not), in order. */
  received: string[];
  close: () => Promise<void>;
};

/**
 * A local SMTP server that accepts everything and answers each message after `replyDelayMs`,
 * like a real mail server across a network (or refuses, or hangs). For benchmarks and tests:
 * nothing leaves the machine.
 */
export async function startSmtpSink(opts: {
  port: number;
  replyDelayMs: number;
  keep?: boolean;
  /** Answer every message with this SMTP error instead of accepting it (a refusing server). */
  refuse?: { responseCode: number; message: string };
  /** Messages get no answer until this settles (a server that hangs). */
  gate?: Promise<void>;
}): Promise<SmtpSink> {
  let accepted = 0;
  let open = 0;
  let maxOpen = 0;
  let opened = 0;
  const messages: string[] = [];
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 1000,
    closeTimeout: 1000,
    onConnect(_session, callback) {
      open += 1;
      opened += 1;
      maxOpen = Math.max(maxOpen, open);
      callback();
    },
    onClose() {
      open -= 1;
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push(/^message-id:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '');
        void (opts.gate ?? Promise.resolve()).then(() => setTimeout(() => {
          if (opts.refuse) {
            callback(Object.assign(new Error(opts.refuse.message), { responseCode: opts.refuse.responseCode }));
            return;
          }
          accepted += 1;
          if (opts.keep) messages.push(raw);
          callback();
        }, opts.replyDelayMs));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: () => accepted,
    maxOpenSessions: () => maxOpen,
    sessionsOpened: () => opened,
    messages,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
