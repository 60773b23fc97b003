import { outboxEvents } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EventType } from './events';

export type NewOutboxEvent = { type: EventType; aggregateId: string; payload: Record<string, unknown> };

/**
 * Records events in the caller's transaction, so they exist if and only if the state change
 * they describe commits. Pass the same `tx` the change was written with.
 */
export async function enqueueOutboxEvents(tx: DbOrTx, events: NewOutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insert(outboxEvents)
    .values(events.map((e) => ({ eventType: e.type, aggregateId: e.aggregateId, payload: e.payload })));
}

export function enqueueOutboxEvent(tx: DbOrTx, event: NewOutboxEvent): Promise<void> {
  return enqueueOutboxEvents(tx, [event]);
}
