import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import { addDays } from '@/lib/dates';
import type { Unserved } from '@/lib/schemas/report';
import type { SessionUser } from '@/server/domain/actor';
import { pricePeriodCovers } from '@/server/services/contracts/prices';
import { contractSides, SERVED_SQL } from './contract-costs';

/** The calendar month before the one `today` is in ('YYYY-MM-DD' first and last day). */
export function previousMonth(today: string): { from: string; to: string } {
  const to = addDays(`${today.slice(0, 7)}-01`, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/**
 * Meals ordered but not served, per contract of the viewer's company, over its served days of
 * last month: per day expected − served, never below zero (a day that served more is not a
 * saving of another), at the price of the day's period. Contracts without any are left out.
 * Each contract's days are read through the (contract_id, service_date) index (LATERAL).
 */
export async function unservedMeals(db: DbOrTx, viewer: SessionUser, today: string): Promise<Unserved> {
  const period = previousMonth(today);
  const { own, counterpart } = contractSides(viewer);
  const rows = await queryRows<{
    contract_id: string;
    counterpart_name: string;
    currency: string;
    days: number;
    expected_meals: string | number;
    served_meals: string | number;
    unserved_meals: string | number;
    unserved_cost: string | number;
  }>(
    db,
    sql`
      select c.id as contract_id, (select other.name from companies other where other.id = ${counterpart}) as counterpart_name, c.currency, t.*
      from contracts c
      cross join lateral (
        select count(*)::int as days,
          coalesce(sum(sd.expected_quantity), 0)::bigint as expected_meals,
          coalesce(sum(sd.served_quantity), 0)::bigint as served_meals,
          coalesce(sum(greatest(sd.expected_quantity - sd.served_quantity, 0)), 0)::bigint as unserved_meals,
          coalesce(sum(greatest(sd.expected_quantity - sd.served_quantity, 0)::bigint * contract_prices.price_per_meal_cents), 0)::bigint as unserved_cost
        from service_days sd
        join contract_prices on ${pricePeriodCovers(sql.raw('sd.contract_id'), sql.raw('sd.service_date'))}
        where sd.contract_id = c.id and sd.service_date between ${period.from}::date and ${period.to}::date and ${SERVED_SQL}
      ) t
      where ${own} = ${viewer.companyId} and c.deleted_at is null and t.unserved_meals > 0
      order by t.unserved_meals desc, counterpart_name, c.id`,
  );
  const byContract = rows.map((r) => ({
    contractId: r.contract_id,
    counterpartName: r.counterpart_name,
    currency: r.currency,
    days: Number(r.days),
    expectedMeals: Number(r.expected_meals),
    servedMeals: Number(r.served_meals),
    unservedMeals: Number(r.unserved_meals),
    unservedCostCents: Number(r.unserved_cost),
  }));
  const totals = new Map<string, { currency: string; unservedMeals: number; unservedCostCents: number }>();
  for (const c of byContract) {
    const t = totals.get(c.currency) ?? { currency: c.currency, unservedMeals: 0, unservedCostCents: 0 };
    t.unservedMeals += c.unservedMeals;
    t.unservedCostCents += c.unservedCostCents;
    totals.set(c.currency, t);
  }
  return { period, byContract, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}
