import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, contractPrices, contractServiceDays, contracts } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { ContractOutput, CreateContractInput } from '@/lib/schemas/contract';
import { DomainError } from '@/server/domain/errors';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { isUniqueViolation } from '@/server/services/db-errors';
import { findClientCompany, invitedClientCompany, sendClientInvitation, UNKNOWN_CLIENT_MESSAGE } from '@/server/services/client-invitations';
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
 * A caterer's ADMIN proposes a contract to a client company named by its email (the company's
 * or one of its ADMINs'). The contract starts PROPOSED: no service days, no reminders, no
 * capacity used. Capacity and the one-active-contract rule are checked when the client's ADMIN
 * accepts (proposals.ts). An unknown email is NOT_FOUND, unless `inviteClient` names the
 * company: then the proposal belongs to an INVITED client company and its e-mail carries a
 * single-use link to register it.
 */
export async function createContract(
  db: DbOrTx,
  actor: SessionUser,
  input: CreateContractInput & { now: Date },
): Promise<ContractOutput> {
  const { clientEmail, inviteClient, serviceDays: weekdays, now, ...terms } = input;
  const id = await db.transaction(async (tx) => {
    const [caterer] = await tx
      .select({ currency: companies.currency, timezone: companies.timezone })
      .from(companies)
      .where(eq(companies.id, actor.companyId));
    const found = await findClientCompany(tx, clientEmail);
    const client = found ?? (inviteClient
      ? {
          id: await invitedClientCompany(tx, {
            email: clientEmail,
            companyName: inviteClient.companyName,
            timezone: inviteClient.timezone ?? caterer!.timezone,
          }),
        }
      : null);
    if (!client) throw new DomainError('NOT_FOUND', UNKNOWN_CLIENT_MESSAGE, 'clientEmail');
    const pair = { cateringId: actor.companyId, clientId: client.id };

    // The contract's currency is the caterer's currency now, fixed for the contract's life.
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
    const proposed = proposalTermsOf(contract!, weekdays);
    await enqueueOutboxEvent(tx, {
      type: 'contract.proposed',
      aggregateId: contractId,
      payload: contractEventPayload(contract!, actor, { terms: proposed }),
    });
    // A client not registered yet is e-mailed the terms and a link to register (an existing
    // client needs no invitation: it finds the proposal when it signs in).
    if (!found && inviteClient) {
      await sendClientInvitation(tx, actor, {
        clientId: client.id,
        contractId,
        email: clientEmail,
        companyName: inviteClient.companyName,
        terms: proposed,
        now,
      });
    }
    return contractId;
  });
  return getContract(db, actor, id);
}
