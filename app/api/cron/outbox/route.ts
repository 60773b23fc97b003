import { cronRoute } from '@/server/jobs/cron-route';
import { runOutboxJob } from '@/server/jobs/outbox-job';

// Schedule: every minute (vercel.json "* * * * *"). Drains until empty or ~20 s.
export const dynamic = 'force-dynamic';

export const GET = cronRoute('outbox', (db) => runOutboxJob(db));
