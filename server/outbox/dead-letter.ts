import { and, desc, eq } from 'drizzle-orm';
import { outboxEvents } from '@/db/schema';
import type { DbOrTx } from '@/db/types';

/** DEAD events, newest first, for an operator to inspect. */
export function listDeadEvents(db: DbOrTx, limit = 100) {
  return db
    .select({
      id: outboxEvents.id,
      eventType: outboxEvents.eventType,
      aggregateId: outboxEvents.aggregateId,
      retryCount: outboxEvents.retryCount,
      errorMessage: outboxEvents.errorMessage,
      createdAt: outboxEvents.createdAt,
      updatedAt: outboxEvents.updatedAt,
    })
    .from(outboxEvents)
    .where(eq(outboxEvents.status, 'DEAD'))
    .orderBy(desc(outboxEvents.updatedAt))
    .limit(limit);
}

/**
 * Puts a DEAD event back in the queue, due now, with a fresh retry budget. Handlers that had
 * already succeeded for it are skipped (their ledger rows remain). Returns false when the id is
 * not a DEAD event.
 */
export async function replayDeadEvent(db: DbOrTx, id: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(outboxEvents)
    .set({ status: 'PENDING', retryCount: 0, nextRetryAt: now })
    .where(and(eq(outboxEvents.id, id), eq(outboxEvents.status, 'DEAD')))
    .returning({ id: outboxEvents.id });
  return rows.length === 1;
}
