import type { DbOrTx } from '@/db/types';
import { pruneRateLimits } from '@/server/auth/rate-limit';
import { pruneExpiredSessions } from '@/server/auth/sessions';
import { logger } from '@/server/logger';
import { autoLockDueServiceDays } from '@/server/services/service-days/auto-lock';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { sendConfirmationReminders } from './reminders';
import { pruneOutbox } from './retention';

export type ServiceDayJobsSummary = {
  generated: number;
  autoLocked: number;
  remindedDays: number;
  reminderDigests: number;
  outboxEventsDeleted: number;
  ledgerRowsDeleted: number;
  emailDeliveriesDeleted: number;
  expiredSessionsDeleted: number;
  rateLimitCountersDeleted: number;
  /** Steps that threw; the others still ran (a generation bug must not stop auto-lock). */
  failedSteps: string[];
};

/**
 * The service-day cron, in order: generate days, lock days past their deadline, remind clients
 * of days due within 24 hours (after the lock, so locked days are not reminded), prune the outbox,
 * expired sessions and stale rate-limit counters.
 */
export async function runServiceDayJobs(db: DbOrTx, { now }: { now: Date }): Promise<ServiceDayJobsSummary> {
  const summary: ServiceDayJobsSummary = {
    generated: 0,
    autoLocked: 0,
    remindedDays: 0,
    reminderDigests: 0,
    outboxEventsDeleted: 0,
    ledgerRowsDeleted: 0,
    emailDeliveriesDeleted: 0,
    expiredSessionsDeleted: 0,
    rateLimitCountersDeleted: 0,
    failedSteps: [],
  };
  const step = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      summary.failedSteps.push(name);
      logger.error('jobs.step_failed', { step: name, error: String(error) });
    }
  };
  await step('generation', async () => {
    summary.generated = await generateServiceDays(db, { now });
  });
  await step('autoLock', async () => {
    summary.autoLocked = await autoLockDueServiceDays(db, { now });
  });
  await step('reminders', async () => {
    Object.assign(summary, await sendConfirmationReminders(db, { now }));
  });
  await step('retention', async () => {
    Object.assign(summary, await pruneOutbox(db, { now }));
  });
  await step('authRetention', async () => {
    summary.expiredSessionsDeleted = await pruneExpiredSessions(db, now);
    summary.rateLimitCountersDeleted = await pruneRateLimits(db, now);
  });
  return summary;
}
