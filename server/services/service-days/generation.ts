import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import { DEFAULT_HORIZON_DAYS } from '@/server/domain/service-dates';

export interface GenerateServiceDaysOptions {
  now: Date;
  /** Only this contract (contract create/resume/update); all ACTIVE contracts when omitted (cron). */
  contractId?: string;
  horizonDays?: number;
}

/**
 * Creates the PENDING service days of ACTIVE contracts for the client's local today through
 * today + horizon, in one set-based statement (the SQL twin of `contractServiceDates`):
 * inside [start_date, end_date], on a contracted ISO weekday, while the client's office is open
 * (no client_office_days row for the weekday = open; only is_work_day = false closes it).
 * Idempotent: existing days are left untouched. Returns how many days were created.
 */
export async function generateServiceDays(db: DbOrTx, options: GenerateServiceDaysOptions): Promise<number> {
  const { now, contractId, horizonDays = DEFAULT_HORIZON_DAYS } = options;
  const onlyContract = contractId ? sql`and c.id = ${contractId}::uuid` : sql``;
  const [row] = await queryRows<{ created: number }>(
    db,
    sql`
      with candidates as (
        select c.id as contract_id,
               ((${now.toISOString()}::timestamptz at time zone cl.timezone)::date + g.offset_days) as service_date,
               c.default_quantity,
               c.start_date,
               c.end_date,
               c.client_id
        from contracts c
        join companies cl on cl.id = c.client_id and cl.deleted_at is null
        cross join generate_series(0, ${horizonDays}::int) as g(offset_days)
        where c.status = 'ACTIVE' and c.deleted_at is null ${onlyContract}
      ),
      inserted as (
        insert into service_days (contract_id, service_date, day_of_week, expected_quantity, status)
        select d.contract_id, d.service_date, extract(isodow from d.service_date)::smallint, d.default_quantity, 'PENDING'
        from candidates d
        join contract_service_days csd
          on csd.contract_id = d.contract_id and csd.day_of_week = extract(isodow from d.service_date)
        where d.service_date between d.start_date and d.end_date
          and not exists (
            select 1 from client_office_days o
            where o.company_id = d.client_id
              and o.day_of_week = extract(isodow from d.service_date)
              and not o.is_work_day
          )
        on conflict (contract_id, service_date) do nothing
        returning 1
      )
      select count(*)::int as created from inserted`,
  );
  return Number(row?.created ?? 0);
}
