import { allQueries } from '@/db/concurrent';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import type { SessionUser } from '@/server/domain/actor';
import type { CatererDashboard } from '@/lib/schemas/report';
import { addDays, eachDate, localToday } from '@/lib/dates';
import { buildProductionPlan, totalsByCurrency, type PlannedMeals } from '@/server/domain/report-aggregates';
import { productionStatus } from '@/server/domain/production';
import type { ServiceDayStatus } from '@/lib/enums';
import { contractCosts } from './contract-costs';
import { COST_PERIOD_DAYS } from './client-dashboard';
import { unservedMeals } from './unserved';

export const PRODUCTION_PLAN_DAYS = 14;
const AWAITING_SERVED_LISTED = 10;
const OPEN_DISPUTES_LISTED = 50;

type DayRefRow = {
  id: string;
  contract_id: string;
  client_name: string;
  service_date: string;
  expected_quantity: number;
  served_quantity: number | null;
};

/**
 * The client's name of contract `alias`, looked up by key per contract: a caterer has tens of
 * contracts, and a join let the planner hash every company (5,000 at 10×) for them.
 */
const clientNameOf = (alias: string) => sql.raw(`(select cl.name from companies cl where cl.id = ${alias}.client_id)`);

const toDayRef = (r: DayRefRow) => ({
  id: r.id,
  contractId: r.contract_id,
  clientName: r.client_name,
  serviceDate: r.service_date,
  expectedQuantity: Number(r.expected_quantity),
  servedQuantity: r.served_quantity === null ? null : Number(r.served_quantity),
});

/**
 * Expected meals per (date, client, production status) over the plan; capacity counts every
 * day, whatever its status. Each contract reads only its own days (LATERAL, through the
 * (contract_id, service_date) index), so the cost follows the caterer's contracts, not every
 * tenant's days in the range. The status is the one TS rule (productionStatus), per day.
 */
async function plannedMeals(db: DbOrTx, cateringId: string, from: string, to: string, now: Date): Promise<(PlannedMeals & { clientName: string })[]> {
  const rows = await queryRows<{
    date: string;
    client_id: string;
    client_name: string;
    meals: number;
    status: ServiceDayStatus;
    auto_locked: boolean;
    deadline: Date | string;
  }>(
    db,
    sql`
      select to_char(d.service_date, 'YYYY-MM-DD') as date, c.client_id, c.client_name, d.expected_quantity as meals, d.status,
        (d.expected_quantity_confirmed_at is not null and d.expected_quantity_confirmer_id is null) as auto_locked,
        d.confirmation_deadline as deadline
      from (
        -- OFFSET 0: the name is looked up once per contract, not once per day row.
        select c.id, c.client_id, ${clientNameOf('c')} as client_name
        from contracts c
        where c.catering_id = ${cateringId} and c.deleted_at is null
        offset 0
      ) c
      cross join lateral (
        select sd.service_date, sd.expected_quantity, sd.status, sd.expected_quantity_confirmed_at,
          sd.expected_quantity_confirmer_id, sd.confirmation_deadline
        from service_days sd
        where sd.contract_id = c.id and sd.service_date between ${from}::date and ${to}::date
      ) d`,
  );
  return rows.map((r) => ({
    date: r.date,
    clientId: r.client_id,
    clientName: r.client_name,
    meals: Number(r.meals),
    status: productionStatus({ status: r.status, autoLocked: r.auto_locked, deadline: new Date(r.deadline), now }),
  }));
}

/**
 * Days already delivered (the delivery time has passed on the client's clock) that still have
 * no served count, oldest first, with the total count.
 *
 * Driven from the caterer's contracts: per contract (LATERAL) its 10 oldest such days, each
 * with the contract's count (a window over the same index-only read, so a contract's days are
 * walked once), read through the partial index of unsettled days, so the cost follows the
 * caterer's own open days and never other tenants' rows. Within one contract dates are unique,
 * so the overall 10 oldest (date, client name, id) are among the per-contract 10 oldest by date.
 */
async function awaitingServed(db: DbOrTx, cateringId: string, now: Date) {
  // No delivery can have happened after the UTC date of now + 1 (UTC+14 is the furthest zone
  // ahead): a bound the index can use; the exact delivery instant is still checked per day.
  const latestDate = addDays(now.toISOString().slice(0, 10), 1);
  const rows = await queryRows<DayRefRow & { total: number }>(
    db,
    sql`
      with mine as materialized (
        -- The client's wall clock now, once per contract: a day is delivered once its delivery
        -- time has passed on that clock (no time-zone arithmetic per day). Materialized: inlined,
        -- the conversion moved into the days' filter and ran once per day row.
        select c.id, c.delivery_time, cl.name as client_name, (${now.toISOString()}::timestamptz at time zone cl.timezone) as local_now
        from contracts c
        -- The client by key (OFFSET 0 keeps it a per-contract lookup, not a join over every company).
        cross join lateral (select name, timezone from companies where id = c.client_id offset 0) cl
        where c.catering_id = ${cateringId} and c.deleted_at is null
      ),
      oldest as (
        select d.*, m.client_name
        from mine m
        cross join lateral (
          select sd.id, sd.contract_id, sd.service_date, sd.expected_quantity, sd.served_quantity,
            count(*) over () as due
          from service_days sd
          where sd.contract_id = m.id and sd.status in ('PENDING', 'EXPECTED_CONFIRMED')
            and sd.service_date <= ${latestDate}::date
            and sd.service_date + m.delivery_time <= m.local_now
          order by sd.service_date
          limit ${AWAITING_SERVED_LISTED}
        ) d
      ),
      total as (
        -- Every listed row of a contract carries that contract's count: one per contract.
        select coalesce(sum(per.due), 0)::int as total
        from (select max(due) as due from oldest group by contract_id) per
      )
      select o.id, o.contract_id, o.client_name, to_char(o.service_date, 'YYYY-MM-DD') as service_date,
        o.expected_quantity, o.served_quantity, total.total
      from oldest o
      cross join total
      order by o.service_date, o.client_name, o.id
      limit ${AWAITING_SERVED_LISTED}`,
  );
  return { count: Number(rows[0]?.total ?? 0), oldest: rows.map(toDayRef) };
}

/**
 * Open disputes, oldest first. Per contract (LATERAL) through the partial index of disputed days,
 * so other tenants' disputes are never read.
 */
async function openDisputes(db: DbOrTx, cateringId: string) {
  const rows = await queryRows<DayRefRow & { dispute_reason: string | null; disputed_at: Date | string | null }>(
    db,
    sql`
      select sd.id, sd.contract_id, ${clientNameOf('c')} as client_name, to_char(sd.service_date, 'YYYY-MM-DD') as service_date,
        sd.expected_quantity, sd.served_quantity, sd.dispute_reason, sd.disputed_at
      from contracts c
      cross join lateral (
        select * from service_days sd where sd.contract_id = c.id and sd.status = 'DISPUTED'
        order by sd.disputed_at nulls first, sd.service_date, sd.id
        limit ${OPEN_DISPUTES_LISTED}
      ) sd
      where c.catering_id = ${cateringId} and c.deleted_at is null
      order by sd.disputed_at nulls first, sd.service_date, sd.id
      limit ${OPEN_DISPUTES_LISTED}`,
  );
  return rows.map((r) => ({
    ...toDayRef(r),
    disputeReason: r.dispute_reason ?? '',
    disputedAt: r.disputed_at === null ? null : new Date(r.disputed_at),
  }));
}

export async function catererDashboard(
  db: DbOrTx,
  viewer: SessionUser,
  company: { timezone: string; currency: string; dailyCapacity: number },
  now: Date,
): Promise<CatererDashboard> {
  const today = localToday(now, company.timezone);
  const planTo = addDays(today, PRODUCTION_PLAN_DAYS - 1);
  const revenuePeriod = { from: addDays(today, 1 - COST_PERIOD_DAYS), to: today };
  const [planned, awaiting, disputes, revenueByContract, unserved] = await allQueries([
    plannedMeals(db, viewer.companyId, today, planTo, now),
    awaitingServed(db, viewer.companyId, now),
    openDisputes(db, viewer.companyId),
    contractCosts(db, viewer, revenuePeriod),
    unservedMeals(db, viewer, today),
  ]);
  const clients = new Map<string, string>();
  for (const p of planned) clients.set(p.clientId, p.clientName);
  return {
    companyType: 'CATERING',
    timeZone: company.timezone,
    today,
    currency: company.currency,
    dailyCapacity: company.dailyCapacity,
    productionPlan: {
      clients: [...clients].map(([clientId, clientName]) => ({ clientId, clientName })).sort((a, b) => a.clientName.localeCompare(b.clientName)),
      days: buildProductionPlan(eachDate(today, planTo), company.dailyCapacity, planned),
    },
    awaitingServed: awaiting,
    openDisputes: disputes,
    revenuePeriod,
    unserved,
    revenueByContract,
    revenueTotals: totalsByCurrency(revenueByContract),
  };
}
