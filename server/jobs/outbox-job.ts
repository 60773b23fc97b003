import type { DbOrTx } from '@/db/types';
import { drainOutbox, type DrainResult } from '@/server/outbox/drain';

/** A cron invocation drains until the outbox is empty or this budget is spent (under the platform's limit). */
export const OUTBOX_CRON_BUDGET_MS = 20_000;

export function runOutboxJob(db: DbOrTx, options: { timeBudgetMs?: number } = {}): Promise<DrainResult> {
  // No fixed clock: a long drain reads the time per batch.
  return drainOutbox(db, { timeBudgetMs: options.timeBudgetMs ?? OUTBOX_CRON_BUDGET_MS });
}
