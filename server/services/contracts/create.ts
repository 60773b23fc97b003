import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, contractPrices, contractServiceDays, contracts } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { ContractOutput, CreateContractInput } from '@/lib/schemas/contract';
import { DomainError } from '@/server/domain/errors';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { isUniqueViolation } from '@/server/services/db-errors';
import { contractEventPayload, proposalTermsOf } from './events';
import { getContract } from './views';

export const ONE_ACTIVE_PER_PAIR = 'contracts_one_active_per_pair';
export const DUPLICATE_ACTIVE_MESSAGE = 'An active contract between these companies already exists.';

/** Turns the partial unique index's violation (a lost race) into the same CONFLICT as the check. */
export async function guardOneActivePerPair<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, ONE_ACTIVE_PER_PAIR)) throw new DomainError('CONFLICT', DUPLICATE_ACTIVE_MESSAGE);
    throw error;
  }
}

/**
 * A caterer's ADMIN proposes a contract to a client company named by its email. The contract
 * starts PROPOSED: no service days, no reminders, no capacity used. Capacity and the
 * one-active-contract rule are checked when the client's ADMIN accepts (proposals.ts).
 */
export async function createContract(
  db: DbOrTx,
  actor: SessionUser,
  input: CreateContractInput & { now: Date },
): Promise<ContractOutput> {
  const { clientEmail, serviceDays: weekdays, now: _now, ...terms } = input; // eslint-disable-line @typescript-eslint/no-unused-vars
  const id = await db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(
        and(
          sql`lower(${companies.email}) = ${clientEmail.toLowerCase()}`,
          eq(companies.companyType, 'CLIENT'),
          isNull(companies.deletedAt),
        ),
      );
    if (!client) {
      throw new DomainError('NOT_FOUND', 'No client company is registered with this email.', 'clientEmail');
    }
    const pair = { cateringId: actor.companyId, clientId: client.id };

    // The contract's currency is the caterer's currency now, fixed for the contract's life.
    const [caterer] = await tx.select({ currency: companies.currency }).from(companies).where(eq(companies.id, actor.companyId));
    const [contract] = await tx
      .insert(contracts)
      .values({ ...pair, ...terms, currency: caterer!.currency, status: 'PROPOSED' })
      .returning();
    const contractId = contract!.id;
    await tx.insert(contractPrices).values({
      contractId,
      validFrom: terms.startDate,
      validTo: null,
      pricePerMealCents: terms.pricePerMealCents,
      createdById: actor.userId,
    });
    await tx.insert(contractServiceDays).values(weekdays.map((dayOfWeek) => ({ contractId, dayOfWeek })));
    await enqueueOutboxEvent(tx, {
      type: 'contract.proposed',
      aggregateId: contractId,
      payload: contractEventPayload(contract!, actor, { terms: proposalTermsOf(contract!, weekdays) }),
    });
    return contractId;
  });
  return getContract(db, actor, id);
}
