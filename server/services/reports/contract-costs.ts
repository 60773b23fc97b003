import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import type { SessionUser } from '@/server/domain/actor';
import type { ContractCost } from '@/lib/schemas/report';
import { pricePeriodCovers } from '@/server/services/contracts/prices';

/** A day whose served count is confirmed: its cost is final (see serviceDayCostCents). */
export const SERVED_SQL: SQL = sql.raw(`(sd.status in ('SERVED_CONFIRMED', 'DISPUTED') and sd.served_quantity is not null)`);

/** The viewer's own side of a contract and the other party's (aliases c = contracts). */
export function contractSides(viewer: SessionUser): { own: SQL; counterpart: SQL } {
  return viewer.companyType === 'CLIENT'
    ? { own: sql.raw('c.client_id'), counterpart: sql.raw('c.catering_id') }
    : { own: sql.raw('c.catering_id'), counterpart: sql.raw('c.client_id') };
}

type CostRow = {
  contract_id: string;
  contract_status: ContractCost['contractStatus'];
  counterpart_name: string;
  currency: string;
  price_per_meal_cents: number;
  days: number;
  expected_meals: string | number;
  served_meals: string | number;
  served_cost: string | number;
  estimated_cost: string | number;
  estimated_days: number;
};

/**
 * Cost per contract of the viewer's company between two dates (inclusive), in one query. Each
 * contract's days in the range are summed in a LATERAL subquery (through the (contract_id,
 * service_date) index, so other tenants' days are never read); an aggregate without GROUP BY
 * always yields a row, so an ACTIVE contract without days in the range still appears, with
 * zeros; a paused or terminated one appears only if it has days in the range. Served days cost
 * served × price, the others expected × price (an estimate).
 */
export async function contractCosts(
  db: DbOrTx,
  viewer: SessionUser,
  range: { from: string; to: string },
): Promise<ContractCost[]> {
  const { own, counterpart } = contractSides(viewer);
  const rows = await queryRows<CostRow>(
    db,
    sql`
      select c.id as contract_id, c.status as contract_status, (select other.name from companies other where other.id = ${counterpart}) as counterpart_name,
        c.currency, c.price_per_meal_cents,
        t.days, t.expected_meals, t.served_meals, t.served_cost, t.estimated_cost, t.estimated_days
      from contracts c
      cross join lateral (
        select count(*)::int as days,
          coalesce(sum(sd.expected_quantity), 0)::bigint as expected_meals,
          coalesce(sum(sd.served_quantity) filter (where ${SERVED_SQL}), 0)::bigint as served_meals,
          coalesce(sum(sd.served_quantity::bigint * contract_prices.price_per_meal_cents) filter (where ${SERVED_SQL}), 0)::bigint as served_cost,
          coalesce(sum(sd.expected_quantity::bigint * contract_prices.price_per_meal_cents) filter (where not ${SERVED_SQL}), 0)::bigint as estimated_cost,
          count(*) filter (where not ${SERVED_SQL})::int as estimated_days
        from service_days sd
        join contract_prices on ${pricePeriodCovers(sql.raw('sd.contract_id'), sql.raw('sd.service_date'))}
        where sd.contract_id = c.id and sd.service_date between ${range.from}::date and ${range.to}::date
      ) t
      where ${own} = ${viewer.companyId} and c.deleted_at is null and (c.status = 'ACTIVE' or t.days > 0)
      order by counterpart_name, c.created_at, c.id`,
  );
  return rows.map((r) => {
    const servedCostCents = Number(r.served_cost);
    const estimatedCostCents = Number(r.estimated_cost);
    return {
      contractId: r.contract_id,
      contractStatus: r.contract_status,
      counterpartName: r.counterpart_name,
      currency: r.currency,
      pricePerMealCents: Number(r.price_per_meal_cents),
      days: Number(r.days),
      expectedMeals: Number(r.expected_meals),
      servedMeals: Number(r.served_meals),
      servedCostCents,
      estimatedCostCents,
      estimatedDays: Number(r.estimated_days),
      totalCostCents: servedCostCents + estimatedCostCents,
    };
  });
}
