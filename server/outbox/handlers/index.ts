import { env } from '@/server/env';
import type { OutboxHandler } from '@/server/outbox/handler';
import { emailHandler } from './email';
import { notificationsHandler } from './notifications';

let cached: OutboxHandler[] | undefined;

/** The production handler registry: in-app notifications and recorded e-mail deliveries. */
export function defaultHandlers(): OutboxHandler[] {
  cached ??= [notificationsHandler, emailHandler(env.APP_URL)];
  return cached;
}
