import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, contracts } from '@/db/schema';
import { AGREED_CONTRACT_STATUSES } from '@/lib/enums';
import type { SessionUser } from '@/server/domain/actor';

/**
 * The client companies the caterer has or had an accepted contract with (ACTIVE, PAUSED or
 * TERMINATED), by name, for the contract form's picker. Proposals alone do not count.
 */
export async function listCounterparties(db: DbOrTx, actor: SessionUser) {
  return db
    .selectDistinct({ id: companies.id, name: companies.name, email: companies.email })
    .from(contracts)
    .innerJoin(companies, and(eq(companies.id, contracts.clientId), isNull(companies.deletedAt)))
    .where(
      and(
        eq(contracts.cateringId, actor.companyId),
        inArray(contracts.status, [...AGREED_CONTRACT_STATUSES]),
        isNull(contracts.deletedAt),
      ),
    )
    .orderBy(asc(companies.name), asc(companies.id));
}
