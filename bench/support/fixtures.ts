import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { queryRows } from '@/db/rows';
import type { SessionUser } from '@/server/domain/actor';

/** The fixed "now" of every benchmark: Monday 2026-03-02 06:00 UTC (before the day's deliveries). */
export const BENCH_NOW = new Date('2026-03-02T06:00:00Z');
export const BENCH_TODAY = '2026-03-02';

const TIME_ZONES = ['UTC', 'Europe/Warsaw', 'Europe/London', 'America/New_York'];

export type TenantShape = {
  /** Distinguishes the companies of one call from another's (names and emails). */
  prefix: string;
  caterers: number;
  clients: number;
  /** ACTIVE contracts, spread evenly over the caterers; at most `clients` per caterer. */
  contracts: number;
  dailyCapacity: number;
  /** ISO weekdays every contract serves. */
  serviceWeekdays: number[];
  /** Extra MANAGER and EMPLOYEE users per company besides its ADMIN. */
  managers?: number;
  employees?: number;
};

/**
 * Inserts companies, profiles, users, office days and ACTIVE contracts set-based (a handful
 * of statements whatever the size), bypassing the API: setup speed is not what is measured.
 * Clients are open Monday to Friday (explicit client_office_days rows, weekend closed).
 */
export async function seedTenants(db: Database, shape: TenantShape): Promise<void> {
  const { prefix, caterers, clients, contracts } = shape;
  const perCaterer = Math.ceil(contracts / caterers);
  if (perCaterer > clients) throw new Error('more contracts per caterer than clients: pairs would repeat');
  const step = Math.floor(clients / caterers);
  const zones = sql.raw(`array[${TIME_ZONES.map((z) => `'${z}'`).join(',')}]`);
  await db.execute(sql`
    insert into companies (email, name, company_type, timezone)
    select ${prefix}::text || '-caterer-' || i || '@bench.test', ${prefix}::text || ' Caterer ' || lpad(i::text, 5, '0'), 'CATERING'::company_type,
      (${zones})[1 + i % ${TIME_ZONES.length}]
    from generate_series(0, ${caterers - 1}::int) i
    union all
    select ${prefix}::text || '-client-' || i || '@bench.test', ${prefix}::text || ' Client ' || lpad(i::text, 5, '0'), 'CLIENT'::company_type,
      (${zones})[1 + i % ${TIME_ZONES.length}]
    from generate_series(0, ${clients - 1}::int) i`);
  const mine = sql`c.email like ${`${prefix}-%@bench.test`}`;
  await db.execute(sql`
    insert into catering_profiles (company_id, daily_capacity)
    select c.id, ${shape.dailyCapacity}::int from companies c where ${mine} and c.company_type = 'CATERING'`);
  await db.execute(sql`
    insert into client_profiles (company_id) select c.id from companies c where ${mine} and c.company_type = 'CLIENT'`);
  await db.execute(sql`
    insert into client_office_days (company_id, day_of_week, is_work_day)
    select c.id, d, d <= 5 from companies c cross join generate_series(1, 7) d
    where ${mine} and c.company_type = 'CLIENT'`);
  await db.execute(sql`
    insert into users (company_id, email, password_hash, role)
    select c.id, lower(r.role) || n || '-' || c.email, 'x', r.role::user_role
    from companies c
    cross join (values ('ADMIN', 1), ('MANAGER', ${shape.managers ?? 0}::int), ('EMPLOYEE', ${shape.employees ?? 0}::int))
      as r(role, how_many)
    cross join lateral generate_series(1, r.how_many) n
    where ${mine}`);
  await db.execute(sql`
    with cat as (
      select id, currency, row_number() over (order by name) - 1 as n from companies c where ${mine} and c.company_type = 'CATERING'
    ),
    cli as (
      select id, row_number() over (order by name) - 1 as n from companies c where ${mine} and c.company_type = 'CLIENT'
    ),
    pairs as (
      select i, i % ${caterers}::int as cat_n, (i / ${caterers}::int + (i % ${caterers}::int) * ${step}::int) % ${clients}::int as cli_n
      from generate_series(0, ${contracts - 1}::int) i
    )
    insert into contracts (catering_id, client_id, status, min_daily_quantity, default_quantity, max_quantity,
      notice_hours, start_date, end_date, price_per_meal_cents, delivery_time, currency)
    select cat.id, cli.id, 'ACTIVE', 5, 10 + p.i % 30, 60, 24, '2026-01-01', '2026-12-31', 1200 + (p.i % 10) * 50, '12:00',
      cat.currency
    from pairs p join cat on cat.n = p.cat_n join cli on cli.n = p.cli_n`);
  await db.execute(sql`
    insert into contract_service_days (contract_id, day_of_week)
    select k.id, d from contracts k join companies c on c.id = k.catering_id
    cross join unnest(${`{${shape.serviceWeekdays.join(',')}}`}::int[]) d
    where ${mine}`);
  // Costs read the price period in force on the day, as the app writes one at creation.
  await db.execute(sql`
    insert into contract_prices (contract_id, valid_from, valid_to, price_per_meal_cents)
    select k.id, k.start_date, null, k.price_per_meal_cents from contracts k join companies c on c.id = k.catering_id
    where ${mine}`);
}

/** Session of a company's ADMIN, looked up by the company's name. */
export async function adminSession(db: Database, companyName: string): Promise<SessionUser> {
  const [row] = await queryRows<{ user_id: string; company_id: string; company_type: 'CATERING' | 'CLIENT'; email: string }>(
    db,
    sql`select u.id as user_id, c.id as company_id, c.company_type, u.email
        from companies c join users u on u.company_id = c.id and u.role = 'ADMIN'
        where c.name = ${companyName}`,
  );
  if (!row) throw new Error(`no company named ${companyName}`);
  return { userId: row.user_id, companyId: row.company_id, companyType: row.company_type, role: 'ADMIN', email: row.email };
}

/** Refreshes planner statistics after bulk setup, as autovacuum would on a live database. */
export async function analyze(db: Database): Promise<void> {
  await db.execute(sql`analyze`);
}

export async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, query);
  return Number(row?.n ?? 0);
}
