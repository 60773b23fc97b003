import { outboxCron } from '@/server/routes/cron';

// Schedule: every minute (vercel.json "* * * * *"). Drains until empty or ~20 s.
export const dynamic = 'force-dynamic';

export const GET = outboxCron;
