import { serviceDaysCron } from '@/server/routes/cron';

// Schedule: every 15 minutes (vercel.json "*/15 * * * *"): generation, auto-lock, reminders, retention.
export const dynamic = 'force-dynamic';

export const GET = serviceDaysCron;
