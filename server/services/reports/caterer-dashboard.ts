import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import type { SessionUser } from '@/server/api/context';
import type { CatererDashboard } from '@/server/api/schemas/report';
import { addDays, eachDate, localToday } from '@/server/domain/dates';
import { buildProductionPlan, totalsByCurrency } from '@/server/domain/report-aggregates';
import { contractCosts } from './contract-costs';
import { COST_PERIOD_DAYS } from './client-dashboard';

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

const toDayRef = (r: DayRefRow) => ({
  id: r.id,
  contractId: r.contract_id,
  clientName: r.client_name,
  serviceDate: r.service_date,
  expectedQuantity: Number(r.expected_quantity),
  servedQuantity: r.served_quantity === null ? null : Number(r.served_quantity),
});

/** Expected meals per (date, client) over the plan; capacity counts every day, whatever its status. */
async function plannedMeals(db: DbOrTx, cateringId: string, from: string, to: string) {
  const rows = await queryRows<{ date: string; client_id: string; client_name: string; meals: number }>(
    db,
    sql`
      select to_char(sd.service_date, 'YYYY-MM-DD') as date, c.client_id, cl.name as client_name,
        sum(sd.expected_quantity)::int as meals
      from contracts c
      join companies cl on cl.id = c.client_id
      join service_days sd on sd.contract_id = c.id and sd.service_date between ${from}::date and ${to}::date
      where c.catering_id = ${cateringId} and c.deleted_at is null
      group by sd.service_date, c.client_id, cl.name
      order by sd.service_date, cl.name`,
  );
  return rows.map((r) => ({ date: r.date, clientId: r.client_id, clientName: r.client_name, meals: Number(r.meals) }));
}

/**
 * Days already delivered (the delivery time has passed on the client's clock) that still have
 * no served count, oldest first, with the total count.
 */
async function awaitingServed(db: DbOrTx, cateringId: string, now: Date) {
  const rows = await queryRows<DayRefRow & { total: number }>(
    db,
    sql`
      select sd.id, sd.contract_id, cl.name as client_name, to_char(sd.service_date, 'YYYY-MM-DD') as service_date,
        sd.expected_quantity, sd.served_quantity, count(*) over ()::int as total
      from contracts c
      join companies cl on cl.id = c.client_id
      join service_days sd on sd.contract_id = c.id and sd.status in ('PENDING', 'EXPECTED_CONFIRMED')
        and ((sd.service_date + c.delivery_time) at time zone cl.timezone) <= ${now.toISOString()}::timestamptz
      where c.catering_id = ${cateringId} and c.deleted_at is null
      order by sd.service_date, cl.name, sd.id
      limit ${AWAITING_SERVED_LISTED}`,
  );
  return { count: Number(rows[0]?.total ?? 0), oldest: rows.map(toDayRef) };
}

async function openDisputes(db: DbOrTx, cateringId: string) {
  const rows = await queryRows<DayRefRow & { dispute_reason: string | null; disputed_at: Date | string | null }>(
    db,
    sql`
      select sd.id, sd.contract_id, cl.name as client_name, to_char(sd.service_date, 'YYYY-MM-DD') as service_date,
        sd.expected_quantity, sd.served_quantity, sd.dispute_reason, sd.disputed_at
      from contracts c
      join companies cl on cl.id = c.client_id
      join service_days sd on sd.contract_id = c.id and sd.status = 'DISPUTED'
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
  const [planned, awaiting, disputes, revenueByContract] = await Promise.all([
    plannedMeals(db, viewer.companyId, today, planTo),
    awaitingServed(db, viewer.companyId, now),
    openDisputes(db, viewer.companyId),
    contractCosts(db, viewer, revenuePeriod),
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
    revenueByContract,
    revenueTotals: totalsByCurrency(revenueByContract),
  };
}
