import { env } from '@/server/env';
import { mailTransportFromConfig } from '@/server/mail/transport';
import type { OutboxHandler } from '@/server/outbox/handler';
import { emailHandler } from './email';
import { notificationsHandler } from './notifications';

let cached: OutboxHandler[] | undefined;

/** The production handler registry (one mail transport per process). */
export function defaultHandlers(): OutboxHandler[] {
  cached ??= [
    notificationsHandler,
    emailHandler(
      mailTransportFromConfig({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, devMailbox: env.CHEFOPS_DEV_MAILBOX }),
      env.APP_URL,
    ),
  ];
  return cached;
}
