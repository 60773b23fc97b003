import { env } from '@/server/env';
import { mailTransportFromConfig, type MailTransport } from './transport';

let cached: MailTransport | undefined;

/** The process's one mail transport (a pooled SMTP transport, or the dev mailbox). */
export function defaultMailTransport(): MailTransport {
  cached ??= mailTransportFromConfig({
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    devMailbox: env.CHEFOPS_DEV_MAILBOX,
    pool: {
      maxConnections: env.SMTP_POOL_SIZE,
      connectionTimeoutMs: env.SMTP_TIMEOUT_SECONDS * 1000,
      greetingTimeoutMs: env.SMTP_TIMEOUT_SECONDS * 1000,
      socketTimeoutMs: env.SMTP_TIMEOUT_SECONDS * 1000,
    },
  });
  return cached;
}
