import { cronRoute } from '@/server/jobs/cron-route';
import { runOutboxJob } from '@/server/jobs/outbox-job';
import { runServiceDayJobs } from '@/server/jobs/service-day-jobs';

/** Drains the outbox until empty or ~20 s. */
export const outboxCron = cronRoute('outbox', (db) => runOutboxJob(db));

/** Generation, auto-lock, reminders, retention. */
export const serviceDaysCron = cronRoute('service-days', (db, { now }) => runServiceDayJobs(db, { now }));
