import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/types';
import type { CompanyType } from '@/lib/enums';
import { companies, contracts, serviceDays } from '@/db/schema';
import { preparedQuery } from '@/db/prepared';
import { idsPlaceholder } from '@/db/rows';
import { DomainError } from '@/server/domain/errors';

export type ServiceDayRow = typeof serviceDays.$inferSelect;
export type ContractRow = typeof contracts.$inferSelect;
export interface LockedServiceDay {
  day: ServiceDayRow;
  contract: ContractRow;
  clientTimeZone: string;
}

/**
 * Locks the given days (in id order, so concurrent batches cannot deadlock) where the
 * company is the given party of the day's contract. Any id that is missing or belongs to
 * someone else is NOT_FOUND, named so a batch can tell which one.
 */
export async function lockServiceDays(
  tx: Transaction,
  ids: string[],
  party: { companyId: string; side: CompanyType },
): Promise<Map<string, LockedServiceDay>> {
  const byIds = idsPlaceholder(serviceDays.id, ids);
  const locking = preparedQuery(tx, `lock_service_days:${party.side}:${byIds.shape}`, (handle) => {
    const client = companies;
    const partyColumn = party.side === 'CATERING' ? contracts.cateringId : contracts.clientId;
    return handle
      .select({ day: serviceDays, contract: contracts, clientTimeZone: client.timezone })
      .from(serviceDays)
      .innerJoin(contracts, eq(contracts.id, serviceDays.contractId))
      .innerJoin(client, eq(client.id, contracts.clientId))
      .where(and(byIds.where, eq(partyColumn, sql.placeholder('companyId')), isNull(contracts.deletedAt)))
      .orderBy(asc(serviceDays.id))
      .for('update', { of: serviceDays })
      .prepare(`lock_service_days_${party.side.toLowerCase()}`);
  });
  const rows = await locking.execute({ ids: byIds.ids, companyId: party.companyId });
  return byRequestedId(ids, rows);
}

/**
 * The rows keyed by day id; any requested id without a row (missing, or someone else's) is
 * NOT_FOUND, named so a batch can tell which one.
 */
export function byRequestedId<R extends { day: { id: string } }>(ids: readonly string[], rows: readonly R[]): Map<string, R> {
  const found = new Map<string, R>();
  for (const row of rows) found.set(row.day.id, row);
  const missing = ids.find((id) => !found.has(id));
  if (missing) {
    throw new DomainError('NOT_FOUND', ids.length > 1 ? `Service day ${missing} not found.` : 'Service day not found.');
  }
  return found;
}

export async function lockServiceDay(
  tx: Transaction,
  id: string,
  party: { companyId: string; side: CompanyType },
): Promise<LockedServiceDay> {
  return (await lockServiceDays(tx, [id], party)).get(id)!;
}
