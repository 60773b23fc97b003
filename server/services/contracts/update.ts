import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { contractServiceDays, contracts } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { ContractOutput, UpdateContractInput } from '@/lib/schemas/contract';
import { DEADLINE_TERMS, type ContractTerms } from '@/lib/schemas/contract-terms';
import { validateContractTerms } from '@/server/domain/contract-terms';
import { normaliseDiets } from '@/lib/diets';
import { DomainError } from '@/server/domain/errors';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { recomputeOpenDeadlines } from '@/server/services/service-days/deadlines';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { assertContractFitsCapacity } from './capacity';
import { contractEventPayload, noticeOf } from './events';
import { lockContractForParty } from './load';
import { clearPendingDays } from './pending-days';
import { getContract, toHhMm } from './views';

/**
 * The caterer's ADMIN edits the terms of an ACTIVE or PAUSED contract. Omitted terms keep
 * their value; the merged terms are validated as a whole. On an ACTIVE contract capacity is
 * re-checked, and the open PENDING days are replaced by days generated with the new terms
 * (days past their deadline are locked at their old quantity first; confirmed days stay, and
 * those still before their deadline get the deadline of the new notice or delivery time).
 */
export async function updateContract(
  db: DbOrTx,
  actor: SessionUser,
  input: UpdateContractInput & { now: Date },
): Promise<ContractOutput> {
  const { id, now, ...changes } = input;
  await db.transaction(async (tx) => {
    const contract = await lockContractForParty(tx, actor.companyId, id);
    // Only the caterer edits terms; the client party sees the contract but gets NOT_FOUND
    // here just as for a contract it could not see, which leaks nothing new.
    if (contract.cateringId !== actor.companyId) throw new DomainError('NOT_FOUND', 'Contract not found.');
    if (contract.status === 'TERMINATED') {
      throw new DomainError('CONFLICT', 'This contract is terminated, so its terms can no longer be changed.');
    }
    const currentDays = await tx
      .select({ dayOfWeek: contractServiceDays.dayOfWeek })
      .from(contractServiceDays)
      .where(eq(contractServiceDays.contractId, id));
    const current: ContractTerms = {
      minDailyQuantity: contract.minDailyQuantity,
      defaultQuantity: contract.defaultQuantity,
      maxQuantity: contract.maxQuantity,
      noticeHours: contract.noticeHours,
      noticeMode: contract.noticeMode,
      noticeBusinessDays: contract.noticeBusinessDays,
      cutoffTime: toHhMm(contract.cutoffTime),
      startDate: contract.startDate,
      endDate: contract.endDate,
      serviceDays: currentDays.map((d) => d.dayOfWeek),
      pricePerMealCents: contract.pricePerMealCents,
      deliveryTime: toHhMm(contract.deliveryTime),
      dietOptions: contract.dietOptions,
      defaultDiets: normaliseDiets(contract.defaultDiets),
    };
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    // The API stays compatible: notice hours without a notice mode mean HOURS notice.
    if (defined.noticeHours !== undefined && defined.noticeMode === undefined) defined.noticeMode = 'HOURS';
    const terms = validateContractTerms({ ...current, ...defined });
    const { serviceDays: weekdays, ...columns } = terms;
    const active = contract.status === 'ACTIVE';

    if (active) {
      await assertContractFitsCapacity(tx, {
        id,
        cateringId: contract.cateringId,
        defaultQuantity: terms.defaultQuantity,
        serviceDays: weekdays,
      });
    }
    const changed = Object.keys(terms).filter(
      (key) => JSON.stringify(terms[key as keyof ContractTerms]) !== JSON.stringify(current[key as keyof ContractTerms]),
    );
    // Lock/clear with the OLD deadlines: a deadline that has passed under them stays passed.
    const cleared = active ? await clearPendingDays(tx, id, now) : { locked: 0, deleted: 0 };
    await tx.update(contracts).set(columns).where(eq(contracts.id, id));
    await tx.delete(contractServiceDays).where(eq(contractServiceDays.contractId, id));
    await tx.insert(contractServiceDays).values(weekdays.map((dayOfWeek) => ({ contractId: id, dayOfWeek })));
    // The days that stay (confirmed, still open) follow the new notice or delivery time.
    if (DEADLINE_TERMS.some((k) => changed.includes(k))) {
      await recomputeOpenDeadlines(tx, { contractId: id }, now);
    }
    const generated = active ? await generateServiceDays(tx, { now, contractId: id }) : 0;
    await enqueueOutboxEvent(tx, {
      type: 'contract.updated',
      aggregateId: id,
      payload: contractEventPayload(contract, actor, {
        changed,
        notice: noticeOf(terms),
        lockedServiceDays: cleared.locked,
        replacedServiceDays: cleared.deleted,
        generatedServiceDays: generated,
      }),
    });
  });
  return getContract(db, actor, id);
}
