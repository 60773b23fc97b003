import { sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '@/db/types';
import { queryRows } from '@/db/rows';
import { DomainError } from '@/server/domain/errors';

/** What a capacity check needs, read under the (caterer, date) lock. */
export interface CatererDateUnderLock {
  /** The caterer's total expected quantity on the date, over all its contracts' days. */
  totalBefore: number;
  dailyCapacity: number;
}

/**
 * Serialises confirmations per (caterer, date) with a transaction-scoped advisory lock, so two
 * clients confirming for the same caterer and date cannot both pass the capacity check against
 * the same old total. Key: hash of the caterer id and the date as a day number (a hash clash only
 * makes two unrelated confirmations wait for each other). Callers take these locks in (caterer,
 * date) order to avoid deadlocks. Answers the caterer's daily capacity (a setting, not guarded by
 * this lock).
 *
 * The total must be read by a later statement than this one (catererDateTotalsSql): READ
 * COMMITTED takes a snapshot per statement, so only a statement started after the lock was
 * granted sees a confirmation committed while this one waited.
 */
export async function lockCatererDateCapacity(tx: Transaction, cateringId: string, serviceDate: string): Promise<number> {
  const [locked] = await queryRows<{ daily_capacity: number | null }>(
    tx,
    sql`select (select daily_capacity from catering_profiles where company_id = ${cateringId}::uuid) as daily_capacity
        from (select pg_advisory_xact_lock(hashtext(${cateringId}::text), (${serviceDate}::date - date '2000-01-01'))) as granted`,
  );
  if (locked?.daily_capacity == null) throw new DomainError('NOT_FOUND', 'Catering company not found.');
  return Number(locked.daily_capacity);
}

export type CatererDate = { cateringId: string; serviceDate: string };

/**
 * A query of each (caterer, date)'s total expected quantity over all the caterer's contracts'
 * days (columns catering_id, service_date as text, total), for a statement of its own or as part
 * of a write, whose snapshot the totals then share (the total before the write).
 */
export function catererDateTotalsSql(pairs: readonly CatererDate[]): SQL {
  const keys = pairs.map((p) => ({ catering_id: p.cateringId, service_date: p.serviceDate }));
  return sql`
    select g.catering_id, g.service_date::text as service_date,
      (select coalesce(sum(sd.expected_quantity), 0)::int
       from service_days sd join contracts c on c.id = sd.contract_id
       where c.catering_id = g.catering_id and sd.service_date = g.service_date and c.deleted_at is null) as total
    from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as g(catering_id uuid, service_date date)`;
}

export type CatererDateTotal = { catering_id: string; service_date: string; total: number };

/** The lock, then (a second statement, see above) the total under it. */
export async function lockCatererDate(tx: Transaction, cateringId: string, serviceDate: string): Promise<CatererDateUnderLock> {
  const dailyCapacity = await lockCatererDateCapacity(tx, cateringId, serviceDate);
  const [row] = await queryRows<CatererDateTotal>(tx, catererDateTotalsSql([{ cateringId, serviceDate }]));
  return { totalBefore: Number(row?.total ?? 0), dailyCapacity };
}
