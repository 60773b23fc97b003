import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { computeConfirmationDeadline } from '@/server/domain/deadline';
import { migratedAcross, type Engine } from '../support/partial-migrations';

/**
 * Days that existed before deadlines were stored get theirs from the migration's one-time SQL
 * copy of the rule. Here the database is migrated up to just before the column, days are
 * written at daylight-saving edges, and the remaining migrations must backfill exactly what
 * the TypeScript rule says (then make the column required).
 */
const LAST_BEFORE_DEADLINES = '0003_service_days_dashboard_indexes';

// [client zone, delivery time, notice hours, service dates]
const CONTRACTS: [string, string, number, string[]][] = [
  ['Europe/Warsaw', '12:00:00', 24, ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-25', '2026-10-26']],
  ['Europe/Warsaw', '02:30:00', 0, ['2026-03-29', '2026-10-25']], // a wall time missing / doubled that night
  ['America/New_York', '01:30:00', 5, ['2026-03-08', '2026-11-01', '2026-11-02']],
  ['Asia/Kolkata', '12:00:00', 336, ['2026-03-29', '2026-06-15']],
  ['UTC', '23:59:00', 48, ['2026-01-01']],
];

let engine: Engine;
beforeAll(async () => {
  engine = await migratedAcross(LAST_BEFORE_DEADLINES, async (db) => {
    const [caterer] = await queryRows<{ id: string }>(
      db,
      sql`insert into companies (email, name, company_type) values ('kitchen@backfill.test', 'Kitchen', 'CATERING') returning id`,
    );
    for (const [index, [zone, deliveryTime, noticeHours, dates]] of CONTRACTS.entries()) {
      const [client] = await queryRows<{ id: string }>(
        db,
        sql`insert into companies (email, name, company_type, timezone)
            values (${`office${index}@backfill.test`}, ${`Office ${index}`}, 'CLIENT', ${zone}) returning id`,
      );
      const [contract] = await queryRows<{ id: string }>(
        db,
        sql`insert into contracts (catering_id, client_id, min_daily_quantity, default_quantity, max_quantity, notice_hours,
              start_date, end_date, price_per_meal_cents, delivery_time)
            values (${caterer!.id}, ${client!.id}, 1, 2, 3, ${noticeHours}, '2025-12-01', '2026-12-31', 1000, ${deliveryTime}::time)
            returning id`,
      );
      for (const date of dates) {
        await db.execute(sql`
          insert into service_days (contract_id, service_date, day_of_week, expected_quantity)
          values (${contract!.id}, ${date}::date, extract(isodow from ${date}::date)::smallint, 2)`);
      }
    }
  });
}, 120_000);
afterAll(() => engine?.close());

describe('the migration that stores confirmation deadlines', () => {
  it("backfills every existing day with the deadline rule's instant, across DST and half-hour zones", async () => {
    const rows = await queryRows<{ service_date: string; delivery_time: string; notice_hours: number; timezone: string; deadline: Date | string }>(
      engine.db,
      sql`select to_char(sd.service_date, 'YYYY-MM-DD') as service_date, c.delivery_time::text as delivery_time,
            c.notice_hours, cl.timezone, sd.confirmation_deadline as deadline
          from service_days sd join contracts c on c.id = sd.contract_id join companies cl on cl.id = c.client_id
          order by cl.timezone, sd.service_date`,
    );
    expect(rows).toHaveLength(CONTRACTS.reduce((n, c) => n + c[3].length, 0));
    for (const r of rows) {
      const expected = computeConfirmationDeadline({
        serviceDate: r.service_date,
        deliveryTime: r.delivery_time.slice(0, 5),
        noticeHours: Number(r.notice_hours),
        timeZone: r.timezone,
      });
      expect(new Date(r.deadline).toISOString(), `${r.timezone} ${r.service_date} ${r.delivery_time}`).toBe(expected.toISOString());
    }
  });

  it('then requires the column, with the partial index of PENDING days by deadline', async () => {
    const [column] = await queryRows<{ is_nullable: string; data_type: string }>(
      engine.db,
      sql`select is_nullable, data_type from information_schema.columns
          where table_name = 'service_days' and column_name = 'confirmation_deadline'`,
    );
    expect(column).toEqual({ is_nullable: 'NO', data_type: 'timestamp with time zone' });
    const [index] = await queryRows<{ indexdef: string }>(
      engine.db,
      sql`select indexdef from pg_indexes where indexname = 'service_days_pending_deadline_idx'`,
    );
    expect(index?.indexdef).toMatch(/\(confirmation_deadline\) WHERE \(status = 'PENDING'/);
  });
});
