import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('migrations on an empty database', () => {
  it('create all tables of the design, with the additions', async () => {
    const rows = await queryRows<{ table_name: string }>(
      t.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = rows.map((r) => r.table_name);
    for (const table of [
      'companies', 'catering_profiles', 'client_profiles', 'client_office_days', 'users', 'contracts',
      'contract_service_days', 'service_days', 'outbox_events', 'processed_events', 'refresh_tokens',
      'password_reset_tokens', 'notifications', 'invitations', 'rate_limits',
    ]) {
      expect(names).toContain(table);
    }
    const cols = await queryRows<{ column_name: string }>(
      t.db,
      sql`select column_name from information_schema.columns where table_name = 'companies'`,
    );
    expect(cols.map((c) => c.column_name)).not.toContain('password_hash');
  });

  it('has the partial unique index for one ACTIVE contract per pair', async () => {
    const [index] = await queryRows<{ indexdef: string }>(
      t.db,
      sql`select indexdef from pg_indexes where indexname = 'contracts_one_active_per_pair'`,
    );
    expect(index?.indexdef).toMatch(/UNIQUE INDEX/);
    expect(index?.indexdef).toMatch(/\(catering_id, client_id\)/);
    expect(index?.indexdef).toMatch(/WHERE .*status = 'ACTIVE'/);
  });

  it('indexes every foreign-key column that is queried or joined', async () => {
    const indexed = await queryRows<{ tablename: string; indexdef: string }>(
      t.db,
      sql`select tablename, indexdef from pg_indexes where schemaname = 'public'`,
    );
    const leading = (table: string, column: string) =>
      indexed.some((i) => i.tablename === table && new RegExp(`\\(${column}[,)]`).test(i.indexdef));
    for (const [table, column] of [
      ['users', 'company_id'], ['contracts', 'catering_id'], ['contracts', 'client_id'],
      ['client_office_days', 'company_id'], ['contract_service_days', 'contract_id'], ['service_days', 'contract_id'],
      ['refresh_tokens', 'user_id'], ['password_reset_tokens', 'user_id'], ['notifications', 'user_id'],
      ['invitations', 'company_id'],
    ] as const) {
      expect(leading(table, column), `${table}.${column}`).toBe(true);
    }
  });

  it('uses timestamptz for every timestamp column', async () => {
    const rows = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from information_schema.columns
          where table_schema = 'public' and data_type = 'timestamp without time zone'`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('bumps updated_at on every UPDATE, even raw SQL that bypasses the ORM', async () => {
    await t.db.execute(sql`insert into companies (email, name, company_type, created_at, updated_at)
                           values ('raw@example.test', 'Raw', 'CLIENT', now() - interval '1 day', now() - interval '1 day')`);
    await t.db.execute(sql`update companies set name = 'Raw renamed' where email = 'raw@example.test'`);
    const [row] = await queryRows<{ fresh: boolean }>(
      t.db,
      sql`select updated_at > created_at + interval '23 hours' as fresh from companies where email = 'raw@example.test'`,
    );
    expect(row?.fresh).toBe(true);
  });

  it("an outbox lease (next_retry_at alone) leaves the event's updated_at; a retry or an outcome moves it", async () => {
    const stale = sql`now() - interval '1 day'`;
    const [event] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into outbox_events (aggregate_id, event_type, payload, created_at, updated_at)
          values (gen_random_uuid(), 'contract.paused', '{}'::jsonb, ${stale}, ${stale}) returning id`,
    );
    const fresh = async () =>
      (await queryRows<{ fresh: boolean }>(t.db, sql`select updated_at > created_at + interval '23 hours' as fresh from outbox_events where id = ${event!.id}`))[0]?.fresh;
    await t.db.execute(sql`update outbox_events set next_retry_at = now() + interval '5 minutes' where id = ${event!.id}`);
    expect(await fresh()).toBe(false);
    await t.db.execute(sql`update outbox_events set retry_count = 1, next_retry_at = now() + interval '1 minute' where id = ${event!.id}`);
    expect(await fresh()).toBe(true);
    // Back to stale (a lease-only update, so the trigger leaves it), then an outcome.
    await t.db.execute(sql`update outbox_events set updated_at = ${stale}, next_retry_at = next_retry_at + interval '1 second' where id = ${event!.id}`);
    expect(await fresh()).toBe(false);
    await t.db.execute(sql`update outbox_events set status = 'PROCESSED', processed_at = now() where id = ${event!.id}`);
    expect(await fresh()).toBe(true);
    await t.db.execute(sql`delete from outbox_events where id = ${event!.id}`);
  });

  it('keeps emails unique case-insensitively, ignoring soft-deleted companies', async () => {
    await t.db.execute(sql`insert into companies (email, name, company_type, deleted_at)
                           values ('gone@example.test', 'Old', 'CLIENT', now())`);
    await t.db.execute(sql`insert into companies (email, name, company_type) values ('GONE@example.test', 'New', 'CLIENT')`);
    await expect(
      t.db.execute(sql`insert into companies (email, name, company_type) values ('gone@EXAMPLE.test', 'Third', 'CLIENT')`),
    ).rejects.toThrow();
  });
});

describe('service_days storage for the dashboards and the sweep', () => {
  // INCLUDE lists and storage parameters are not in db/schema (drizzle cannot declare them): a
  // regenerated index or table would silently lose them, and the dashboards their index-only scans.
  it('keeps the covering INCLUDE lists of the per-contract day indexes', async () => {
    const rows = await queryRows<{ indexname: string; indexdef: string }>(
      t.db,
      sql`select indexname, indexdef from pg_indexes where indexname in
          ('service_days_contract_date_unique', 'service_days_unserved_contract_date_idx', 'contract_prices_contract_from_unique')
          order by indexname`,
    );
    const def = Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef]));
    expect(def.service_days_contract_date_unique).toMatch(/^CREATE UNIQUE INDEX .*\(contract_id, service_date\) INCLUDE \(status, expected_quantity, served_quantity, confirmation_deadline, expected_quantity_confirmed_at, expected_quantity_confirmer_id, day_of_week\)$/);
    expect(def.service_days_unserved_contract_date_idx).toMatch(/\(contract_id, service_date\) INCLUDE \(id, expected_quantity, served_quantity\) WHERE/);
    expect(def.contract_prices_contract_from_unique).toMatch(/^CREATE UNIQUE INDEX .*\(contract_id, valid_from\) INCLUDE \(valid_to, price_per_meal_cents\)$/);
  });

  it('analyzes and vacuums service_days after a small share of changes', async () => {
    const [row] = await queryRows<{ options: string[] }>(t.db, sql`select reloptions as options from pg_class where relname = 'service_days'`);
    expect([...row!.options].sort()).toEqual([
      'autovacuum_analyze_scale_factor=0.01',
      'autovacuum_analyze_threshold=5000',
      'autovacuum_vacuum_insert_scale_factor=0.02',
      'autovacuum_vacuum_insert_threshold=5000',
      'autovacuum_vacuum_scale_factor=0.02',
      'autovacuum_vacuum_threshold=5000',
    ]);
  });

  it('still upserts on the (contract, date) key of the covering unique index', async () => {
    const [plan] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pg_index i join pg_class c on c.oid = i.indexrelid
          where c.relname = 'service_days_contract_date_unique' and i.indisunique and i.indnkeyatts = 2`,
    );
    expect(plan!.n).toBe(1);
  });
});
