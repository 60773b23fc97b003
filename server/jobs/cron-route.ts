import { getDb } from '@/server/database';
import type { Database } from '@/db/types';
import { env } from '@/server/env';
import { logger } from '@/server/logger';
import { verifyCronRequest } from './verify-cron';

type Job = (db: Database, options: { now: Date }) => Promise<Record<string, unknown>>;

/**
 * The one skeleton of every cron route: verify the secret before touching anything, run the
 * job against the process database, answer a JSON summary of counts.
 */
export function cronRoute(name: string, job: Job) {
  return async function GET(request: Request): Promise<Response> {
    if (!verifyCronRequest(request, env.CRON_SECRET)) {
      logger.warn('cron.unauthorized', { job: name, secretConfigured: Boolean(env.CRON_SECRET) });
      return Response.json({ error: 'Unauthorized' }, { status: 401 });
    }
    const started = Date.now();
    try {
      const summary = await job(await getDb(), { now: new Date() });
      const failedSteps = Array.isArray(summary.failedSteps) ? summary.failedSteps : [];
      logger.info('cron.done', { job: name, ms: Date.now() - started, ...summary });
      // A partly failed run still reports its counts, but as a failure the scheduler can alert on.
      return Response.json({ ok: failedSteps.length === 0, job: name, ...summary }, { status: failedSteps.length === 0 ? 200 : 500 });
    } catch (error) {
      logger.error('cron.failed', { job: name, error: String(error) });
      return Response.json({ ok: false, job: name, error: 'The job failed; see the server log.' }, { status: 500 });
    }
  };
}
