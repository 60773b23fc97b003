import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { contractServiceDays, contracts } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { ContractOutput } from '@/lib/schemas/contract';
import { nextContractStatus } from '@/server/domain/contract-state';
import { enqueueOutboxEvent, type NewOutboxEvent } from '@/server/outbox/enqueue';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { assertContractFitsCapacity } from './capacity';
import { guardOneActivePerPair } from './create';
import { contractEventPayload } from './events';
import { lockContractForParty } from './load';
import { clearPendingDays } from './pending-days';
import { getContract } from './views';

/**
 * Pause, resume or terminate, by either party's ADMIN (the role is checked by the router).
 * Pause and terminate clear the contract's open PENDING days (confirmed days stay); resume
 * re-checks capacity and the one-active-contract rule, then regenerates the days.
 */
export async function changeContractStatus(
  db: DbOrTx,
  actor: SessionUser,
  input: { id: string; action: 'pause' | 'resume' | 'terminate'; now: Date },
): Promise<ContractOutput> {
  const { id, action, now } = input;
  await db.transaction(async (tx) => {
    const contract = await lockContractForParty(tx, actor.companyId, id);
    const status = nextContractStatus(contract.status, action);
    const change = { previousStatus: contract.status, status };
    let event: NewOutboxEvent;

    if (action === 'resume') {
      const weekdays = await tx
        .select({ dayOfWeek: contractServiceDays.dayOfWeek })
        .from(contractServiceDays)
        .where(eq(contractServiceDays.contractId, id));
      await assertContractFitsCapacity(tx, {
        id,
        cateringId: contract.cateringId,
        defaultQuantity: contract.defaultQuantity,
        serviceDays: weekdays.map((w) => w.dayOfWeek),
      });
      await guardOneActivePerPair(() =>
        tx.update(contracts).set({ status, pausedAt: null }).where(eq(contracts.id, id)),
      );
      const generatedServiceDays = await generateServiceDays(tx, { now, contractId: id });
      event = { type: 'contract.resumed', aggregateId: id, payload: contractEventPayload(contract, actor, { ...change, generatedServiceDays }) };
    } else {
      const cleared = await clearPendingDays(tx, id, now);
      await tx
        .update(contracts)
        .set(action === 'pause' ? { status, pausedAt: now } : { status, terminatedAt: now })
        .where(eq(contracts.id, id));
      event = {
        type: action === 'pause' ? 'contract.paused' : 'contract.terminated',
        aggregateId: id,
        payload: contractEventPayload(contract, actor, { ...change, lockedServiceDays: cleared.locked, removedServiceDays: cleared.deleted }),
      };
    }
    await enqueueOutboxEvent(tx, event);
  });
  return getContract(db, actor, id);
}
