import { allQueries } from '@/db/concurrent';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import type { SessionUser } from '@/server/domain/actor';
import type { ClientDashboard, PendingDay } from '@/lib/schemas/report';
import { addDays, localToday } from '@/lib/dates';
import { totalsByCurrency } from '@/server/domain/report-aggregates';
import { contractCosts, SERVED_SQL } from './contract-costs';
import { unservedMeals } from './unserved';

export const COST_PERIOD_DAYS = 30;
/** The meals chart looks this many days ahead of today, so upcoming confirmations show too. */
export const CHART_DAYS_AHEAD = 7;
/** At most this many pending days are listed (the generation horizon keeps it small anyway). */
const MAX_PENDING_DAYS = 100;

/** PENDING days of ACTIVE contracts whose deadline is still ahead, soonest deadline first. */
async function pendingDays(db: DbOrTx, clientId: string, today: string, now: Date): Promise<PendingDay[]> {
  const rows = await queryRows<{
    id: string;
    contract_id: string;
    catering_name: string;
    service_date: string;
    expected_quantity: number;
    min_daily_quantity: number;
    max_quantity: number;
    deadline: Date | string;
  }>(
    db,
    sql`
      select sd.id, sd.contract_id, caterer.name as catering_name, to_char(sd.service_date, 'YYYY-MM-DD') as service_date,
        sd.expected_quantity, c.min_daily_quantity, c.max_quantity, sd.confirmation_deadline as deadline
      from contracts c
      join companies caterer on caterer.id = c.catering_id
      join service_days sd on sd.contract_id = c.id and sd.status = 'PENDING' and sd.service_date >= ${today}::date
      where c.client_id = ${clientId} and c.status = 'ACTIVE' and c.deleted_at is null
        and sd.confirmation_deadline > ${now.toISOString()}::timestamptz
      order by sd.confirmation_deadline, caterer.name, sd.id
      limit ${MAX_PENDING_DAYS}`,
  );
  return rows.map((r) => ({
    id: r.id,
    contractId: r.contract_id,
    cateringName: r.catering_name,
    serviceDate: r.service_date,
    expectedQuantity: Number(r.expected_quantity),
    minDailyQuantity: Number(r.min_daily_quantity),
    maxQuantity: Number(r.max_quantity),
    deadline: new Date(r.deadline),
  }));
}

/**
 * Expected and served meals per date (every date of the range, zero when nothing is planned),
 * over all of the client's contracts. The contract scope sits inside the LEFT JOIN so dates
 * without days are kept.
 */
async function mealsByDay(db: DbOrTx, clientId: string, from: string, to: string) {
  const rows = await queryRows<{ date: string; expected: number; served: number | null }>(
    db,
    sql`
      select to_char(d, 'YYYY-MM-DD') as date,
        coalesce(sum(sd.expected_quantity), 0)::int as expected,
        (sum(sd.served_quantity) filter (where ${SERVED_SQL}))::int as served
      from generate_series(${from}::date, ${to}::date, interval '1 day') as d
      left join (
        -- Start from the client's contracts and read each one's days through its
        -- (contract_id, service_date) index, so other companies' days are never touched.
        select sd.* from contracts c
        cross join lateral (
          select * from service_days
          where contract_id = c.id and service_date between ${from}::date and ${to}::date
        ) sd
        where c.client_id = ${clientId} and c.deleted_at is null
      ) sd on sd.service_date = d::date
      group by d
      order by d`,
  );
  return rows.map((r) => ({ date: r.date, expected: Number(r.expected), served: r.served === null ? null : Number(r.served) }));
}

export async function clientDashboard(
  db: DbOrTx,
  viewer: SessionUser,
  company: { timezone: string },
  now: Date,
): Promise<ClientDashboard> {
  const today = localToday(now, company.timezone);
  const costPeriod = { from: addDays(today, 1 - COST_PERIOD_DAYS), to: today };
  const [pending, costByContract, meals, unserved] = await allQueries([
    pendingDays(db, viewer.companyId, today, now),
    contractCosts(db, viewer, costPeriod),
    mealsByDay(db, viewer.companyId, costPeriod.from, addDays(today, CHART_DAYS_AHEAD)),
    unservedMeals(db, viewer, today),
  ]);
  return {
    companyType: 'CLIENT',
    timeZone: company.timezone,
    today,
    canConfirm: viewer.role === 'ADMIN' || viewer.role === 'MANAGER',
    pendingDays: pending,
    costPeriod,
    unserved,
    costByContract,
    costTotals: totalsByCurrency(costByContract),
    mealsByDay: meals,
  };
}
