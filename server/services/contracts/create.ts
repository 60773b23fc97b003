import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, contractPrices, contractServiceDays, contracts } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { ContractOutput, CreateContractInput } from '@/lib/schemas/contract';
import { DomainError } from '@/server/domain/errors';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { isUniqueViolation } from '@/server/services/db-errors';
import { assertContractFitsCapacity } from './capacity';
import { contractEventPayload, noticeOf } from './events';
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
 * A caterer's ADMIN offers a contract to a client company named by its email. The contract
 * starts ACTIVE, must fit the caterer's capacity, and its first weeks of service days are
 * generated in the same transaction.
 */
export async function createContract(
  db: DbOrTx,
  actor: SessionUser,
  input: CreateContractInput & { now: Date },
): Promise<ContractOutput> {
  const { clientEmail, serviceDays: weekdays, now, ...terms } = input;
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
    // The capacity lock also serialises creates for one caterer, so this check sees any
    // contract a concurrent request just committed; the unique index backs it up regardless.
    await assertContractFitsCapacity(tx, { ...pair, defaultQuantity: terms.defaultQuantity, serviceDays: weekdays });
    const [existing] = await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(
        and(
          eq(contracts.cateringId, pair.cateringId),
          eq(contracts.clientId, pair.clientId),
          eq(contracts.status, 'ACTIVE'),
          isNull(contracts.deletedAt),
        ),
      );
    if (existing) throw new DomainError('CONFLICT', DUPLICATE_ACTIVE_MESSAGE);

    // The contract's currency is the caterer's currency now, fixed for the contract's life.
    const [caterer] = await tx.select({ currency: companies.currency }).from(companies).where(eq(companies.id, actor.companyId));
    const [contract] = await guardOneActivePerPair(() =>
      tx
        .insert(contracts)
        .values({ ...pair, ...terms, currency: caterer!.currency, status: 'ACTIVE' })
        .returning({ id: contracts.id }),
    );
    const contractId = contract!.id;
    await tx.insert(contractPrices).values({
      contractId,
      validFrom: terms.startDate,
      validTo: null,
      pricePerMealCents: terms.pricePerMealCents,
      createdById: actor.userId,
    });
    await tx.insert(contractServiceDays).values(weekdays.map((dayOfWeek) => ({ contractId, dayOfWeek })));
    const generated = await generateServiceDays(tx, { now, contractId });
    await enqueueOutboxEvent(tx, {
      type: 'contract.created',
      aggregateId: contractId,
      payload: contractEventPayload({ id: contractId, ...pair }, actor, { generatedServiceDays: generated, notice: noticeOf(terms) }),
    });
    return contractId;
  });
  return getContract(db, actor, id);
}
