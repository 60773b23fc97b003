import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { parseEventPayload, type EventPayload, type EventType } from './events';

/** An event to record: its payload must be of its type's schema (checked when typed and when written). */
export type NewOutboxEvent = { [T in EventType]: { type: T; aggregateId: string; payload: EventPayload<T> } }[EventType];

/**
 * Records events in the caller's transaction, so they exist if and only if the state change
 * they describe commits. Pass the same `tx` the change was written with. Every payload is
 * parsed with its type's schema first: a producer bug fails the change instead of writing an
 * event no handler can read. One statement whatever the number of events.
 */
export async function enqueueOutboxEvents(tx: DbOrTx, events: readonly NewOutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({ aggregate_id: e.aggregateId, event_type: e.type, payload: parseEventPayload(e.type, e.payload) }));
  await tx.execute(sql`
    insert into outbox_events (aggregate_id, event_type, payload)
    select r.aggregate_id, r.event_type, r.payload
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(aggregate_id uuid, event_type text, payload jsonb)`);
}

export function enqueueOutboxEvent(tx: DbOrTx, event: NewOutboxEvent): Promise<void> {
  return enqueueOutboxEvents(tx, [event]);
}
