import { cronRoute } from '@/server/jobs/cron-route';
import { runServiceDayJobs } from '@/server/jobs/service-day-jobs';

// Schedule: every 15 minutes (vercel.json "*/15 * * * *"): generation, auto-lock, reminders, retention.
export const dynamic = 'force-dynamic';

export const GET = cronRoute('service-days', (db, { now }) => runServiceDayJobs(db, { now }));
