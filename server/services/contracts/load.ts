import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/types';
import { cateringProfiles, contracts } from '@/db/schema';
import { DomainError } from '@/server/domain/errors';
import { partyOf } from './views';

export type ContractRow = typeof contracts.$inferSelect;

/** Locks a contract the company is a party to; NOT_FOUND for anyone else's. */
export async function lockContractForParty(tx: Transaction, companyId: string, id: string): Promise<ContractRow> {
  const [row] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, id), partyOf(companyId)))
    .for('update');
  if (!row) throw new DomainError('NOT_FOUND', 'Contract not found.');
  return row;
}

/**
 * Locks the caterer's profile row: every change that adds to the caterer's planned defaults
 * (create, resume, edit) runs one at a time per caterer, so two of them can never both pass
 * the capacity check against the same old totals. Returns the daily capacity.
 */
export async function lockCatererCapacity(tx: Transaction, cateringId: string): Promise<number> {
  const [profile] = await tx
    .select({ dailyCapacity: cateringProfiles.dailyCapacity })
    .from(cateringProfiles)
    .where(eq(cateringProfiles.companyId, cateringId))
    .for('update');
  if (!profile) throw new DomainError('NOT_FOUND', 'Catering company not found.');
  return profile.dailyCapacity;
}
