import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx, Transaction } from '@/db/types';
import { companies, contractServiceDays, contracts } from '@/db/schema';
import { localToday } from '@/lib/dates';
import type { SessionUser } from '@/server/domain/actor';
import type { ContractOutput } from '@/lib/schemas/contract';
import { nextContractStatus } from '@/server/domain/contract-state';
import { DomainError } from '@/server/domain/errors';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { assertContractFitsCapacity } from './capacity';
import { DUPLICATE_ACTIVE_MESSAGE, guardOneActivePerPair } from './create';
import { contractEventPayload, proposalTermsOf } from './events';
import { lockContractForParty, type ContractRow } from './load';
import { getContract } from './views';

/**
 * Locks a proposal for an answer by `side` (the router checks the company type and role); the
 * other party's contract and anyone else's are NOT_FOUND, as for a contract it cannot see.
 */
async function lockForAnswer(tx: Transaction, actor: SessionUser, id: string): Promise<ContractRow> {
  const contract = await lockContractForParty(tx, actor.companyId, id);
  const ownSide = actor.companyType === 'CLIENT' ? contract.clientId : contract.cateringId;
  if (ownSide !== actor.companyId) throw new DomainError('NOT_FOUND', 'Contract not found.');
  return contract;
}

async function weekdaysOf(tx: Transaction, contractId: string): Promise<number[]> {
  const rows = await tx
    .select({ dayOfWeek: contractServiceDays.dayOfWeek })
    .from(contractServiceDays)
    .where(eq(contractServiceDays.contractId, contractId))
    .orderBy(asc(contractServiceDays.dayOfWeek));
  return rows.map((r) => r.dayOfWeek);
}

/**
 * The client's ADMIN accepts a proposal: it becomes ACTIVE and its first weeks of service days
 * are generated. Capacity and the one-active-contract rule are checked now, under the caterer's
 * capacity lock (taken after this contract's row lock, the same order as resume and edit), so
 * two proposals accepted at once are checked one after the other; the partial unique index
 * backs the pair rule up regardless.
 */
export async function acceptContract(db: DbOrTx, actor: SessionUser, input: { id: string; now: Date }): Promise<ContractOutput> {
  const { id, now } = input;
  await db.transaction(async (tx) => {
    const contract = await lockForAnswer(tx, actor, id);
    const status = nextContractStatus(contract.status, 'accept');
    const [client] = await tx.select({ timezone: companies.timezone }).from(companies).where(eq(companies.id, contract.clientId));
    if (contract.endDate < localToday(now, client!.timezone)) {
      throw new DomainError('CONFLICT', `This proposal's period ended on ${contract.endDate}: ask the caterer for a new proposal.`);
    }
    const weekdays = await weekdaysOf(tx, id);
    await assertContractFitsCapacity(tx, {
      id,
      cateringId: contract.cateringId,
      defaultQuantity: contract.defaultQuantity,
      serviceDays: weekdays,
    });
    const [existing] = await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(
        and(
          eq(contracts.cateringId, contract.cateringId),
          eq(contracts.clientId, contract.clientId),
          eq(contracts.status, 'ACTIVE'),
          isNull(contracts.deletedAt),
        ),
      );
    if (existing) throw new DomainError('CONFLICT', DUPLICATE_ACTIVE_MESSAGE);
    await guardOneActivePerPair(() =>
      tx.update(contracts).set({ status, acceptedAt: now, acceptedById: actor.userId }).where(eq(contracts.id, id)),
    );
    const generatedServiceDays = await generateServiceDays(tx, { now, contractId: id });
    await enqueueOutboxEvent(tx, {
      type: 'contract.accepted',
      aggregateId: id,
      payload: contractEventPayload(contract, actor, { terms: proposalTermsOf(contract, weekdays), generatedServiceDays }),
    });
  });
  return getContract(db, actor, id);
}

/** The client's ADMIN declines a proposal, with a reason for the caterer: DECLINED (final). */
export async function declineContract(
  db: DbOrTx,
  actor: SessionUser,
  input: { id: string; reason: string; now: Date },
): Promise<ContractOutput> {
  const { id, reason, now } = input;
  await db.transaction(async (tx) => {
    const contract = await lockForAnswer(tx, actor, id);
    const status = nextContractStatus(contract.status, 'decline');
    await tx
      .update(contracts)
      .set({ status, declinedAt: now, declinedById: actor.userId, declineReason: reason })
      .where(eq(contracts.id, id));
    await enqueueOutboxEvent(tx, { type: 'contract.declined', aggregateId: id, payload: contractEventPayload(contract, actor, { reason }) });
  });
  return getContract(db, actor, id);
}

/** The caterer's ADMIN withdraws its proposal before the client answers: DECLINED (final). */
export async function withdrawContract(db: DbOrTx, actor: SessionUser, input: { id: string; now: Date }): Promise<ContractOutput> {
  const { id, now } = input;
  await db.transaction(async (tx) => {
    const contract = await lockForAnswer(tx, actor, id);
    const status = nextContractStatus(contract.status, 'withdraw');
    await tx
      .update(contracts)
      .set({ status, declinedAt: now, declinedById: actor.userId, withdrawnAt: now })
      .where(eq(contracts.id, id));
    await enqueueOutboxEvent(tx, { type: 'contract.withdrawn', aggregateId: id, payload: contractEventPayload(contract, actor, {}) });
  });
  return getContract(db, actor, id);
}
