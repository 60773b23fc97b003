import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { queryRows } from '@/db/rows';
import { logger } from '@/server/logger';

export type HealthReport = {
  status: 'ok' | 'degraded' | 'down';
  database: 'up' | 'down';
  outbox: { pending: number; dead: number; oldestPendingAgeSeconds: number | null } | null;
  /** E-mail deliveries waiting to be sent (or retried), and given up on. */
  email: { pending: number; dead: number; oldestPendingAgeSeconds: number | null } | null;
};

/** A backlog older than this means no drainer is running (the cron drains every minute). */
const STALE_BACKLOG_SECONDS = 15 * 60;

type BacklogRow = { pending: number | string; dead: number | string; oldest: Date | string | null };

/** Pending and dead rows of a queue table, and the oldest pending one's age (both tables share the shape). */
async function backlog(db: Database, table: 'outbox_events' | 'email_deliveries', now: Date) {
  const [row] = await queryRows<BacklogRow>(
    db,
    sql`select
          count(*) filter (where status = 'PENDING') as pending,
          count(*) filter (where status = 'DEAD') as dead,
          min(created_at) filter (where status = 'PENDING') as oldest
        from ${sql.identifier(table)} where status in ('PENDING', 'DEAD')`,
  );
  return {
    pending: Number(row?.pending ?? 0),
    dead: Number(row?.dead ?? 0),
    oldestPendingAgeSeconds: row?.oldest ? Math.max(0, Math.round((now.getTime() - new Date(row.oldest).getTime()) / 1000)) : null,
  };
}

/**
 * Database reachability and outbox backlog. `getDb` is called here so that a database that
 * cannot even be opened reports as down (HTTP 503) instead of throwing.
 */
export async function healthReport(getDb: () => Promise<Database>, now = new Date()): Promise<{ httpStatus: number; body: HealthReport }> {
  try {
    const db = await getDb();
    const outbox = await backlog(db, 'outbox_events', now);
    const email = await backlog(db, 'email_deliveries', now);
    const degraded = [outbox, email].some((b) => b.dead > 0 || (b.oldestPendingAgeSeconds ?? 0) > STALE_BACKLOG_SECONDS);
    return { httpStatus: 200, body: { status: degraded ? 'degraded' : 'ok', database: 'up', outbox, email } };
  } catch (error) {
    logger.error('health.database_down', { error: String(error) });
    return { httpStatus: 503, body: { status: 'down', database: 'down', outbox: null, email: null } };
  }
}
