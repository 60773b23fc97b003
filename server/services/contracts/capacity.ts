import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Transaction } from '@/db/types';
import { contractServiceDays, contracts } from '@/db/schema';
import { assertWithinCapacity } from '@/server/domain/capacity';
import { lockCatererCapacity } from './load';

/**
 * Capacity at contract time: on every weekday the contract serves, the caterer's ACTIVE
 * contracts' default quantities (this one included) must fit its daily capacity.
 * Takes the caterer lock first, so concurrent creates/resumes/edits are checked in turn.
 */
export async function assertContractFitsCapacity(
  tx: Transaction,
  contract: { id?: string; cateringId: string; defaultQuantity: number; serviceDays: number[] },
): Promise<void> {
  const capacity = await lockCatererCapacity(tx, contract.cateringId);
  const others = await tx
    .select({ id: contracts.id, defaultQuantity: contracts.defaultQuantity })
    .from(contracts)
    .where(
      and(
        eq(contracts.cateringId, contract.cateringId),
        eq(contracts.status, 'ACTIVE'),
        isNull(contracts.deletedAt),
        contract.id ? ne(contracts.id, contract.id) : undefined,
      ),
    );
  const weekdays = others.length
    ? await tx
        .select({ contractId: contractServiceDays.contractId, dayOfWeek: contractServiceDays.dayOfWeek })
        .from(contractServiceDays)
        .where(inArray(contractServiceDays.contractId, others.map((o) => o.id)))
    : [];
  assertWithinCapacity({
    capacity,
    serviceDays: contract.serviceDays,
    defaultQuantity: contract.defaultQuantity,
    otherActiveContracts: others.map((o) => ({
      defaultQuantity: o.defaultQuantity,
      serviceDays: weekdays.filter((w) => w.contractId === o.id).map((w) => w.dayOfWeek),
    })),
  });
}
