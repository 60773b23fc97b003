import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { migratedAcross, type Engine } from '../support/partial-migrations';

/**
 * Events written before link tokens were derived from their row carried the raw token in the
 * payload. The migration that strips them must keep it only where it is still needed: a
 * PENDING event has yet to send its e-mail; a PROCESSED or DEAD one must keep no secret.
 */
const LAST_WITH_RAW_TOKENS = '0006_require_confirmation_deadline';

const EVENTS = [
  { key: 'pending', status: 'PENDING', payload: { userId: 'u1', token: 'raw-pending' } },
  { key: 'processed', status: 'PROCESSED', payload: { userId: 'u2', token: 'raw-processed' } },
  { key: 'dead', status: 'DEAD', payload: { userId: 'u3', token: 'raw-dead' } },
  { key: 'tokenless', status: 'PROCESSED', payload: { contractId: 'c1' } },
] as const;

let engine: Engine;
beforeAll(async () => {
  engine = await migratedAcross(LAST_WITH_RAW_TOKENS, async (db) => {
    for (const e of EVENTS) {
      await db.execute(sql`
        insert into outbox_events (aggregate_id, event_type, payload, status)
        values (gen_random_uuid(), ${`test.${e.key}`}, ${JSON.stringify(e.payload)}::jsonb, ${e.status})`);
    }
  });
}, 120_000);
afterAll(() => engine?.close());

describe('the migration that strips raw link tokens from the outbox', () => {
  it('keeps the token of a PENDING event, removes it from PROCESSED and DEAD ones, and leaves the rest of each payload alone', async () => {
    const rows = await queryRows<{ event_type: string; payload: unknown }>(
      engine.db,
      sql`select event_type, payload from outbox_events order by event_type`,
    );
    const byKey = new Map(rows.map((r) => [r.event_type.replace('test.', ''), typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload]));
    expect(Object.fromEntries(byKey)).toEqual({
      pending: { userId: 'u1', token: 'raw-pending' },
      processed: { userId: 'u2' },
      dead: { userId: 'u3' },
      tokenless: { contractId: 'c1' },
    });
  });
});
