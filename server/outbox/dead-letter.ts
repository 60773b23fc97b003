import { and, desc, eq } from 'drizzle-orm';
import { emailDeliveries, outboxEvents } from '@/db/schema';
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

/** DEAD e-mail deliveries, newest first: to whom, which message, and the SMTP error. */
export function listDeadDeliveries(db: DbOrTx, limit = 100) {
  return db
    .select({
      id: emailDeliveries.id,
      eventId: emailDeliveries.eventId,
      recipient: emailDeliveries.recipient,
      subject: emailDeliveries.subject,
      messageId: emailDeliveries.messageId,
      attempts: emailDeliveries.attempts,
      lastError: emailDeliveries.lastError,
      createdAt: emailDeliveries.createdAt,
      updatedAt: emailDeliveries.updatedAt,
    })
    .from(emailDeliveries)
    .where(eq(emailDeliveries.status, 'DEAD'))
    .orderBy(desc(emailDeliveries.updatedAt))
    .limit(limit);
}

/**
 * Puts a DEAD delivery back in the queue, due now, with a fresh attempt budget (same
 * Message-ID). A single-use link was cleared when it died, so such a delivery cannot be
 * replayed: ask for a new link instead. Returns false when the id is no replayable DEAD delivery.
 */
export async function replayDeadDelivery(db: DbOrTx, id: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(emailDeliveries)
    .set({ status: 'PENDING', attempts: 0, nextAttemptAt: now, updatedAt: now })
    .where(and(eq(emailDeliveries.id, id), eq(emailDeliveries.status, 'DEAD'), eq(emailDeliveries.secretLink, false)))
    .returning({ id: emailDeliveries.id });
  return rows.length === 1;
}
