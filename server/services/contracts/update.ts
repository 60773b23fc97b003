import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, contractServiceDays, contracts } from '@/db/schema';
import type { Transaction } from '@/db/types';
import { localToday, toHhMm } from '@/lib/dates';
import {
  alignPricePeriodsToStart,
  applyPriceChange,
  earliestPriceChangeDate,
  type PricePeriod,
} from '@/server/domain/price-periods';
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
import { lockContractForParty, type ContractRow } from './load';
import { loadPricePeriods, savePricePeriods } from './prices';
import { clearPendingDays } from './pending-days';
import { getContract } from './views';

/**
 * The contract's price periods after an edit, or null when they stay as they are. A new price
 * takes effect on `priceEffectiveFrom` (default: the client's today), never earlier: days
 * already past keep the price of their date. A moved start date moves the first period.
 */
async function changedPricePeriods(
  tx: Transaction,
  contract: ContractRow,
  edit: { terms: ContractTerms; newPrice: boolean; priceEffectiveFrom: string | undefined; now: Date },
): Promise<{ before: PricePeriod[]; after: PricePeriod[] } | null> {
  const { terms } = edit;
  const startMoved = terms.startDate !== contract.startDate;
  if (!edit.newPrice && !startMoved) return null;
  const before = (await loadPricePeriods(tx, [contract.id])).get(contract.id) ?? [];
  let after = startMoved ? alignPricePeriodsToStart(before, terms.startDate) : before;
  if (edit.newPrice) {
    const [client] = await tx.select({ timezone: companies.timezone }).from(companies).where(eq(companies.id, contract.clientId));
    const earliest = earliestPriceChangeDate({ clientToday: localToday(edit.now, client!.timezone), startDate: terms.startDate });
    const from = edit.priceEffectiveFrom ?? earliest;
    if (from < earliest) {
      throw new DomainError(
        'BAD_REQUEST',
        `A new price can start on ${earliest} at the earliest: earlier days keep the price of their date.`,
        'priceEffectiveFrom',
      );
    }
    if (from > terms.endDate) {
      throw new DomainError('BAD_REQUEST', `The contract ends on ${terms.endDate}: a new price must start by then.`, 'priceEffectiveFrom');
    }
    after = applyPriceChange(after, { from, pricePerMealCents: terms.pricePerMealCents });
  }
  return { before, after };
}

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
  const { id, now, priceEffectiveFrom, poNumber, costCenter, ...changes } = input;
  await db.transaction(async (tx) => {
    const contract = await lockContractForParty(tx, actor.companyId, id);
    // Only the caterer edits terms; the client party sees the contract but gets NOT_FOUND
    // here just as for a contract it could not see, which leaks nothing new.
    if (contract.cateringId !== actor.companyId) throw new DomainError('NOT_FOUND', 'Contract not found.');
    if (contract.status === 'TERMINATED') {
      throw new DomainError('CONFLICT', 'This contract is terminated, so its terms can no longer be changed.');
    }
    if (contract.status === 'DECLINED') {
      throw new DomainError('CONFLICT', 'This proposal was declined or withdrawn, so its terms can no longer be changed.');
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
      lateReductionChargePercent: contract.lateReductionChargePercent,
    };
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    // The API stays compatible: notice hours without a notice mode mean HOURS notice.
    if (defined.noticeHours !== undefined && defined.noticeMode === undefined) defined.noticeMode = 'HOURS';
    const terms = validateContractTerms({ ...current, ...defined });
    const periods = await changedPricePeriods(tx, contract, {
      terms,
      newPrice: terms.pricePerMealCents !== current.pricePerMealCents || priceEffectiveFrom !== undefined,
      priceEffectiveFrom,
      now,
    });
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
    await tx
      .update(contracts)
      .set({
        ...columns,
        pricePerMealCents: periods ? periods.after.at(-1)!.pricePerMealCents : columns.pricePerMealCents,
        poNumber,
        costCenter,
      })
      .where(eq(contracts.id, id));
    if (periods) await savePricePeriods(tx, id, periods.before, periods.after, actor.userId);
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
