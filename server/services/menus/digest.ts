import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/types';
import { queryRows } from '@/db/rows';
import { MENU_DIGEST_MINUTES } from '@/lib/limits';
import type { SessionUser } from '@/server/domain/actor';
import { parseEventPayload } from '@/server/outbox/events';
import { contractEventPayload } from '@/server/services/contracts/events';

/**
 * Tells the client about menu changes of these dates, one digest per contract per hour of
 * edits: the first change enqueues a `menu.updated` event due an hour later; further changes
 * before it is due add their dates to it. The caller holds the contract's row lock, so two
 * editors of one contract cannot both start a digest; a digest that is already due (or being
 * sent) is left alone and the change starts the next one.
 */
export async function queueMenuDigest(
  tx: Transaction,
  contract: { id: string; cateringId: string; clientId: string },
  actor: SessionUser,
  dates: string[],
  now: Date,
): Promise<void> {
  if (dates.length === 0) return;
  const [waiting] = await queryRows<{ id: string; payload: { dates: string[] } }>(
    tx,
    sql`select id, payload from outbox_events
        where aggregate_id = ${contract.id}::uuid and event_type = 'menu.updated' and status = 'PENDING'
          and retry_count = 0 and next_retry_at > ${now.toISOString()}::timestamptz
        order by created_at limit 1 for update skip locked`,
  );
  const union = (more: string[]) => [...new Set([...more, ...dates])].sort();
  if (waiting) {
    const payload = parseEventPayload('menu.updated', { ...waiting.payload, dates: union(waiting.payload.dates) });
    await tx.execute(sql`update outbox_events set payload = ${JSON.stringify(payload)}::jsonb where id = ${waiting.id}::uuid`);
    return;
  }
  const payload = parseEventPayload('menu.updated', contractEventPayload(contract, actor, { dates: union([]) }));
  const due = new Date(now.getTime() + MENU_DIGEST_MINUTES * 60_000);
  await tx.execute(sql`
    insert into outbox_events (aggregate_id, event_type, payload, next_retry_at)
    values (${contract.id}::uuid, 'menu.updated', ${JSON.stringify(payload)}::jsonb, ${due.toISOString()}::timestamptz)`);
}
