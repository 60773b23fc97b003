import { allQueries } from '@/db/concurrent';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { DbOrTx, Transaction } from '@/db/types';
import { clientInvitations, companies, users } from '@/db/schema';
import { currencyForTimeZone } from '@/lib/currency-for-zone';
import { hashToken, linkToken } from '@/server/auth/tokens';
import type { SessionUser } from '@/server/domain/actor';
import { DomainError } from '@/server/domain/errors';
import { linkProblem } from '@/server/domain/single-use-link';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import type { ProposalTerms } from '@/server/outbox/events';
import { emailOwnerCompanyId } from './email-in-use';

export const CLIENT_INVITATION_TTL_DAYS = 7;

export const UNKNOWN_CLIENT_MESSAGE =
  'No client company on ChefOps uses this email (as its company email or an administrator’s). ' +
  'You can still send the proposal: add an invitation with the client’s company name, and we email them a link to register and answer it.';

/**
 * The client company a caterer means by `email`: the email of a registered client company, or
 * of an active ADMIN of one. Null when there is none (unknown, a caterer's, a non-admin's, or a
 * company invited but not registered yet).
 */
export async function findClientCompany(db: DbOrTx, email: string): Promise<{ id: string } | null> {
  const normalized = email.trim().toLowerCase();
  const [byCompany] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(
      and(
        sql`lower(${companies.email}) = ${normalized}`,
        eq(companies.companyType, 'CLIENT'),
        eq(companies.status, 'ACTIVE'),
        isNull(companies.deletedAt),
      ),
    );
  if (byCompany) return byCompany;
  const [byAdmin] = await db
    .select({ id: companies.id })
    .from(users)
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(
      and(
        sql`lower(${users.email}) = ${normalized}`,
        eq(users.role, 'ADMIN'),
        eq(users.isActive, true),
        isNull(users.deletedAt),
        eq(companies.companyType, 'CLIENT'),
        eq(companies.status, 'ACTIVE'),
        isNull(companies.deletedAt),
      ),
    );
  return byAdmin ?? null;
}

/**
 * The INVITED client company a proposal to a client not on ChefOps belongs to until it
 * registers: an earlier invitation's (any caterer's) for the same email, keeping its zone (the
 * terms already sent were worded in it), or a new one named and zoned as the caterer wrote it
 * (the client office's zone). An email that belongs to any other account is refused: it cannot
 * become a new client company's.
 */
export async function invitedClientCompany(
  tx: Transaction,
  input: { email: string; companyName: string; timezone: string },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const owner = await emailOwnerCompanyId(tx, email);
  if (owner) {
    const [company] = await tx.select({ status: companies.status }).from(companies).where(eq(companies.id, owner));
    if (company?.status === 'INVITED') return owner;
    throw new DomainError(
      'CONFLICT',
      'This email belongs to a ChefOps account that is not a client company’s administrator, so it cannot be invited as a new client. Use the client company’s email or its administrator’s.',
      'clientEmail',
    );
  }
  const [company] = await tx
    .insert(companies)
    .values({
      email,
      name: input.companyName,
      companyType: 'CLIENT',
      status: 'INVITED',
      timezone: input.timezone,
      currency: currencyForTimeZone(input.timezone),
    })
    .returning({ id: companies.id });
  return company!.id;
}

/**
 * Records the single-use, 7-day invitation of the proposal's client and enqueues its e-mail
 * (the link's token is derived from the row id; only its hash is stored).
 */
export async function sendClientInvitation(
  tx: Transaction,
  actor: SessionUser,
  input: { clientId: string; contractId: string; email: string; companyName: string; terms: ProposalTerms; now: Date },
): Promise<void> {
  const id = randomUUID();
  // The invitee reads the terms on its own office's clock, the zone the contract runs on.
  const [[caterer], [client]] = await allQueries([
    tx.select({ name: companies.name }).from(companies).where(eq(companies.id, actor.companyId)),
    tx.select({ timezone: companies.timezone }).from(companies).where(eq(companies.id, input.clientId)),
  ]);
  await tx.insert(clientInvitations).values({
    id,
    companyId: input.clientId,
    cateringId: actor.companyId,
    contractId: input.contractId,
    email: input.email,
    companyName: input.companyName,
    tokenHash: hashToken(linkToken('client-invitation', id)),
    invitedById: actor.userId,
    expiresAt: new Date(input.now.getTime() + CLIENT_INVITATION_TTL_DAYS * 86_400_000),
    createdAt: input.now,
  });
  await enqueueOutboxEvent(tx, {
    type: 'contract.client_invited',
    aggregateId: id,
    payload: {
      email: input.email,
      companyName: input.companyName,
      cateringName: caterer!.name,
      invitedByEmail: actor.email,
      contractId: input.contractId,
      timeZone: client!.timezone,
      terms: input.terms,
    },
  });
}

type InvitationRow = typeof clientInvitations.$inferSelect;

async function invitationByToken(db: DbOrTx, token: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(clientInvitations).where(eq(clientInvitations.tokenHash, hashToken(token)));
  return row;
}

/** What the register page pre-fills from a client invitation link, or why it cannot be used. */
export async function clientInvitationInfo(db: DbOrTx, token: string, now: Date) {
  const row = await invitationByToken(db, token);
  const problem = linkProblem('client-invitation', row, now);
  if (problem || !row) return { problem, email: null, companyName: null, cateringName: null, timezone: null };
  const [[caterer], [client]] = await allQueries([
    db.select({ name: companies.name }).from(companies).where(eq(companies.id, row.cateringId)),
    db.select({ timezone: companies.timezone }).from(companies).where(eq(companies.id, row.companyId)),
  ]);
  return {
    problem: null,
    email: row.email,
    companyName: row.companyName,
    cateringName: caterer?.name ?? null,
    timezone: client?.timezone ?? null,
  };
}

/** Why the invitation link with this token cannot be used now (BAD_REQUEST on the token), or the invitation. */
export async function usableClientInvitation(db: DbOrTx, token: string, now: Date): Promise<InvitationRow> {
  const row = await invitationByToken(db, token);
  const problem = linkProblem('client-invitation', row, now);
  if (problem || !row) throw new DomainError('BAD_REQUEST', problem ?? 'This invitation link is not valid.', 'clientInvitationToken');
  return row;
}

/**
 * Claims the invitation (single use, atomically: a parallel registration with the same link
 * loses) and closes every other open invitation of the same company, which is registered now.
 */
export async function claimClientInvitation(tx: Transaction, token: string, now: Date): Promise<InvitationRow> {
  const tokenHash = hashToken(token);
  const [claimed] = await tx
    .update(clientInvitations)
    .set({ usedAt: now })
    .where(
      and(
        eq(clientInvitations.tokenHash, tokenHash),
        isNull(clientInvitations.usedAt),
        sql`${clientInvitations.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning();
  if (!claimed) {
    const problem = linkProblem('client-invitation', await invitationByToken(tx, token), now);
    throw new DomainError('BAD_REQUEST', problem ?? 'This invitation link is not valid.', 'clientInvitationToken');
  }
  await tx
    .update(clientInvitations)
    .set({ usedAt: now })
    .where(and(eq(clientInvitations.companyId, claimed.companyId), isNull(clientInvitations.usedAt)));
  return claimed;
}
