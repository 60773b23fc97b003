import type { Database } from '@/db/types';
import { env } from '@/server/env';
import { logger } from '@/server/logger';
import { runOutboxJob } from './outbox-job';
import { runServiceDayJobs } from './service-day-jobs';

export type Scheduler = { stop: () => Promise<void> };

/**
 * Runs `job` every `intervalMs`, measured from the end of the previous run, so runs never
 * overlap. A failing run is logged and the next one still comes; nothing here can crash the
 * process. The timer does not keep the process alive.
 */
export function createIntervalRunner(options: { name: string; intervalMs: number; firstRunAfterMs?: number; job: () => Promise<void> }): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(tick, delay);
    timer.unref?.();
  };
  const tick = () => {
    running = options
      .job()
      .catch((error: unknown) => logger.error('scheduler.run_failed', { scheduler: options.name, error: String(error) }))
      .finally(() => {
        running = undefined;
        schedule(options.intervalMs);
      });
  };
  schedule(options.firstRunAfterMs ?? options.intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

const holder = globalThis as typeof globalThis & { __chefopsLocalScheduler?: Scheduler };

/**
 * Embedded/dev mode without an external scheduler: this process runs the same jobs as the cron
 * routes (outbox drain, then generation/auto-lock/reminders/retention) every
 * CHEFOPS_LOCAL_CRON_INTERVAL_SECONDS. Off with CHEFOPS_LOCAL_CRON=false. One per process, also
 * across dev hot reloads.
 */
export function startLocalScheduler(getDb: () => Promise<Database>): Scheduler | null {
  if (!env.CHEFOPS_LOCAL_CRON) return null;
  if (holder.__chefopsLocalScheduler) return holder.__chefopsLocalScheduler;
  const intervalMs = env.CHEFOPS_LOCAL_CRON_INTERVAL_SECONDS * 1000;
  holder.__chefopsLocalScheduler = createIntervalRunner({
    name: 'local-cron',
    intervalMs,
    firstRunAfterMs: 5_000,
    async job() {
      const db = await getDb();
      const outbox = await runOutboxJob(db, { timeBudgetMs: Math.min(20_000, intervalMs / 2) }).catch((error: unknown) => {
        logger.error('local_cron.outbox_failed', { error: String(error) });
        return null;
      });
      const serviceDays = await runServiceDayJobs(db, { now: new Date() });
      logger.info('local_cron.done', { outbox, serviceDays });
    },
  });
  logger.info('local_cron.started', { intervalSeconds: env.CHEFOPS_LOCAL_CRON_INTERVAL_SECONDS });
  return holder.__chefopsLocalScheduler;
}
