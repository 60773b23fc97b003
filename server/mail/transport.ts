import nodemailer from 'nodemailer';
import { devMailMessages } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmailMessage } from './templates';

/** Where outgoing mail goes. `db` is the handler's transaction (used by the dev mailbox). */
export type MailTransport = { kind: 'smtp' | 'dev-mailbox' | 'unconfigured'; send(db: DbOrTx, message: EmailMessage): Promise<void> };

/** Real delivery over SMTP (`smtp://user:pass@host:port`, or `smtps://`). */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(_db, message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text, messageId: message.messageId });
    },
  };
}

/** Development without SMTP: messages are stored and shown at /dev/mail. */
export function devMailboxTransport(): MailTransport {
  return {
    kind: 'dev-mailbox',
    async send(db, message) {
      await db
        .insert(devMailMessages)
        .values({ messageId: message.messageId, to: message.to, subject: message.subject, text: message.text })
        .onConflictDoNothing({ target: devMailMessages.messageId });
    },
  };
}

/** Production without SMTP_URL: fail loudly, so the events stay visible (retry, then DEAD). */
function unconfiguredTransport(): MailTransport {
  return {
    kind: 'unconfigured',
    async send() {
      throw new Error('SMTP_URL is not configured; cannot send email in production.');
    },
  };
}

export function mailTransportFromConfig(config: { smtpUrl?: string; from: string; devMailbox: boolean }): MailTransport {
  if (config.devMailbox) return devMailboxTransport();
  return config.smtpUrl ? smtpTransport(config.smtpUrl, config.from) : unconfiguredTransport();
}
