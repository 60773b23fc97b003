import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import type { OutboxHandler } from '@/server/outbox/handler';

/**
 * A test handler whose effect has no unique constraint: any double execution would show up as
 * a second row. The table lives only in test databases.
 */
export const EFFECTS_TABLE_SQL = sql`create table if not exists drain_effects (event_id uuid not null, handler text not null, drainer text)`;

export function effectRecorder(drainer: string, afterInsert?: () => Promise<void>): OutboxHandler {
  return {
    name: 'effect-recorder',
    eventTypes: ['contract.created'],
    async handle(tx, events) {
      await tx.execute(sql`
        insert into drain_effects (event_id, handler, drainer)
        select id, 'effect-recorder', ${drainer} from jsonb_to_recordset(${JSON.stringify(events.map((e) => ({ id: e.id })))}::jsonb) as r(id uuid)`);
      if (afterInsert) await afterInsert();
    },
  };
}

export async function ensureEffectsTable(db: DbOrTx) {
  await db.execute(EFFECTS_TABLE_SQL);
}
