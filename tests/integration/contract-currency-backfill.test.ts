import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { migratedAcross, type Engine } from '../support/partial-migrations';

/**
 * Contracts that existed before a contract had its own currency and price history: the
 * migration gives each its caterer's currency of that moment and its one price as the first
 * period, then requires the column.
 */
const LAST_BEFORE_CONTRACT_CURRENCY = '0011_menus_updated_at';

let engine: Engine;
beforeAll(async () => {
  engine = await migratedAcross(LAST_BEFORE_CONTRACT_CURRENCY, async (db) => {
    for (const [name, currency, price] of [['Warsaw kitchen', 'PLN', 2350], ['Berlin kitchen', 'EUR', 990]] as const) {
      const [caterer] = await queryRows<{ id: string }>(
        db,
        sql`insert into companies (email, name, company_type, currency)
            values (${`${currency}@backfill.test`}, ${name}, 'CATERING', ${currency}) returning id`,
      );
      const [client] = await queryRows<{ id: string }>(
        db,
        sql`insert into companies (email, name, company_type) values (${`office-${currency}@backfill.test`}, 'Office', 'CLIENT') returning id`,
      );
      await db.execute(sql`insert into contracts (catering_id, client_id, min_daily_quantity, default_quantity, max_quantity,
          start_date, end_date, price_per_meal_cents) values (${caterer!.id}, ${client!.id}, 1, 2, 3, '2026-01-05', '2026-12-31', ${price})`);
    }
  });
}, 120_000);
afterAll(() => engine?.close());

describe('the migration that gives contracts their currency and price history', () => {
  it("gives each existing contract its caterer's currency and its price as one open period from the start date", async () => {
    const rows = await queryRows<{ name: string; currency: string; valid_from: string; valid_to: string | null; price: number }>(
      engine.db,
      sql`select co.name, c.currency, to_char(p.valid_from, 'YYYY-MM-DD') as valid_from, p.valid_to, p.price_per_meal_cents as price
          from contracts c join companies co on co.id = c.catering_id join contract_prices p on p.contract_id = c.id
          order by co.name`,
    );
    expect(rows.map((r) => ({ ...r, price: Number(r.price) }))).toEqual([
      { name: 'Berlin kitchen', currency: 'EUR', valid_from: '2026-01-05', valid_to: null, price: 990 },
      { name: 'Warsaw kitchen', currency: 'PLN', valid_from: '2026-01-05', valid_to: null, price: 2350 },
    ]);
  });

  it('then requires the currency', async () => {
    const [column] = await queryRows<{ is_nullable: string }>(
      engine.db,
      sql`select is_nullable from information_schema.columns where table_name = 'contracts' and column_name = 'currency'`,
    );
    expect(column).toEqual({ is_nullable: 'NO' });
  });
});
