import { and, eq, sql } from 'drizzle-orm';
import { outboxEvents } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { queryRows, sqlArray } from '@/db/rows';
import { logger } from '@/server/logger';
import { retryDelayMs } from './backoff';
import { SECRET_PAYLOAD_KEYS } from './events';

export const MAX_ERROR_LENGTH = 2000;

export const ledgerKey = (eventId: string, handlerName: string) => `${eventId}:${handlerName}`;

export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/** Secrets in a payload (tokens of older events) are not kept once the event is finished, well or badly. */
const withoutSecrets = sql`${outboxEvents.payload} - array[${sql.join(
  SECRET_PAYLOAD_KEYS.map((key) => sql`${key}`),
  sql`, `,
)}]::text[]`;

/**
 * Marks events PROCESSED in one statement (the ids as one array parameter). Guarded by status,
 * so a drainer whose lease ran out cannot overwrite what another drainer already recorded.
 */
export async function markProcessed(db: DbOrTx, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`with done as (
          update outbox_events set status = 'PROCESSED', processed_at = ${now.toISOString()}::timestamptz, payload = ${withoutSecrets}
          where id = any(${sqlArray(ids, 'uuid')}) and status = 'PENDING'
          returning 1
        )
        select count(*) as n from done`,
  );
  return Number(row?.n ?? 0);
}

export type FailedEvent = { id: string; eventType: string; retryCount: number; error: string };

/**
 * Records failed events one by one (rare): retry_count+1 with the error and a backoff, or DEAD
 * after `maxAttempts`. Guarded by status and retry_count like markProcessed.
 */
export async function recordFailures(db: DbOrTx, failed: FailedEvent[], now: Date, maxAttempts: number, random: () => number) {
  let retried = 0;
  let dead = 0;
  for (const event of failed) {
    const attempt = event.retryCount + 1;
    const isDead = attempt >= maxAttempts;
    const rows = await db
      .update(outboxEvents)
      .set({
        retryCount: attempt,
        errorMessage: event.error.slice(0, MAX_ERROR_LENGTH),
        ...(isDead
          ? { status: 'DEAD' as const, payload: withoutSecrets }
          : { nextRetryAt: new Date(now.getTime() + retryDelayMs(attempt, random)) }),
      })
      .where(and(eq(outboxEvents.id, event.id), eq(outboxEvents.status, 'PENDING'), eq(outboxEvents.retryCount, event.retryCount)))
      .returning({ id: outboxEvents.id });
    if (rows.length === 0) continue;
    if (isDead) {
      dead += 1;
      logger.error('outbox.event_dead', { eventId: event.id, eventType: event.eventType, attempts: attempt, error: event.error });
    } else retried += 1;
  }
  return { failed: retried, dead };
}
