import type { DbOrTx } from '@/db/types';
import { defaultMailTransport } from '@/server/mail/default-transport';
import { sendEmailDeliveries, type SendResult } from '@/server/mail/sender';
import type { MailTransport } from '@/server/mail/transport';
import { drainOutbox, type DrainResult } from '@/server/outbox/drain';

/** A cron invocation drains until the outbox is empty or this budget is spent (under the platform's limit). */
export const OUTBOX_CRON_BUDGET_MS = 20_000;

export type OutboxJobResult = DrainResult & { email: SendResult };

/**
 * The outbox job: the drain (in-app notifications, e-mail deliveries recorded) and beside it
 * the e-mail sender, at once, so a slow mail server never slows the drain. The sender keeps
 * looking while the drain runs, then sends what is left within the budget.
 */
export async function runOutboxJob(db: DbOrTx, options: { timeBudgetMs?: number; transport?: MailTransport } = {}): Promise<OutboxJobResult> {
  const timeBudgetMs = options.timeBudgetMs ?? OUTBOX_CRON_BUDGET_MS;
  let draining = true;
  // No fixed clock: a long drain reads the time per batch.
  const drain = drainOutbox(db, { timeBudgetMs }).finally(() => {
    draining = false;
  });
  const email = sendEmailDeliveries(db, options.transport ?? defaultMailTransport(), { timeBudgetMs, keepWaiting: () => draining });
  const [outbox, sent] = await Promise.all([drain, email]);
  return { ...outbox, email: sent };
}
