import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { companies, invitations, users } from '@/db/schema';
import type { UserRole } from '@/lib/enums';
import type { DbOrTx } from '@/db/types';
import type { SessionUser } from '@/server/domain/actor';
import { hashPassword } from '@/server/auth/password-hash';
import { enforceRateLimits, RATE_LIMITS } from '@/server/auth/rate-limit';
import { hashToken, linkToken } from '@/server/auth/tokens';
import { DomainError } from '@/server/domain/errors';
import { linkProblem } from '@/server/domain/single-use-link';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { emailInUse, emailOwnerCompanyId } from './email-in-use';

export const INVITATION_TTL_SECONDS = 72 * 60 * 60;

export type InvitationSummary = { id: string; email: string; role: UserRole; expiresAt: Date; createdAt: Date; invitedByEmail: string };

/**
 * An ADMIN invites someone into their company. The link goes out by email through the outbox
 * in the same transaction; only its token's SHA-256 is stored (the token is derived from the
 * row id, see linkToken). Inviting the same email again replaces the earlier pending one.
 * An address that already has an account elsewhere is answered exactly like a new one (an
 * ADMIN of any tenant must not learn who uses ChefOps): the invitee is told by e-mail instead,
 * and that invitation cannot be accepted.
 */
export async function inviteUser(
  db: DbOrTx,
  tenant: SessionUser,
  { email, role, now }: { email: string; role: UserRole; now: Date },
): Promise<InvitationSummary> {
  return db.transaction(async (tx) => {
    const owner = await emailOwnerCompanyId(tx, email);
    if (owner === tenant.companyId) {
      throw new DomainError('CONFLICT', 'This email already belongs to someone in your company.', 'email');
    }
    const [company] = await tx
      .select({ name: companies.name })
      .from(companies)
      .where(and(eq(companies.id, tenant.companyId), isNull(companies.deletedAt)));
    if (!company) throw new DomainError('NOT_FOUND', 'Company not found.');
    await tx
      .update(invitations)
      .set({ expiresAt: now })
      .where(
        and(
          eq(invitations.companyId, tenant.companyId),
          sql`lower(${invitations.email}) = ${email.toLowerCase()}`,
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, now),
        ),
      );
    const id = randomUUID();
    const [row] = await tx
      .insert(invitations)
      .values({
        id,
        companyId: tenant.companyId,
        email,
        role,
        tokenHash: hashToken(linkToken('invitation', id)),
        invitedById: tenant.userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_SECONDS * 1000),
        createdAt: now,
      })
      .returning();
    await enqueueOutboxEvent(tx, {
      type: 'user.invited',
      aggregateId: row!.id,
      payload: { email, companyName: company.name, role, invitedByEmail: tenant.email, ...(owner ? { existingAccount: true } : {}) },
    });
    return {
      id: row!.id,
      email: row!.email,
      role: row!.role,
      expiresAt: row!.expiresAt,
      createdAt: row!.createdAt,
      invitedByEmail: tenant.email,
    };
  });
}

/** The company's invitations that can still be accepted, newest first. */
export async function listPendingInvitations(db: DbOrTx, companyId: string, now: Date): Promise<InvitationSummary[]> {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedByEmail: users.email,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedById))
    .where(and(eq(invitations.companyId, companyId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
    .orderBy(asc(invitations.expiresAt));
}

const TOO_MANY = 'Too many attempts with invitation links. Please wait a few minutes and try again.';

/** The invitation with this token hash if it can be used now, else why not. */
async function usableInvitation(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ usedAt: invitations.acceptedAt, expiresAt: invitations.expiresAt, companyId: invitations.companyId, email: invitations.email })
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash));
  const problem = linkProblem('invitation', row, now);
  if (problem || !row) throw new DomainError('BAD_REQUEST', problem ?? 'This invitation link is not valid.', 'token');
  return row;
}

/** Refuses when the inviting company is gone or the address got an account meanwhile. */
async function assertCanJoin(db: DbOrTx, invitation: { companyId: string; email: string }) {
  const [company] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.id, invitation.companyId), isNull(companies.deletedAt), eq(companies.status, 'ACTIVE')));
  if (!company) throw new DomainError('PRECONDITION_FAILED', 'The company that invited you no longer uses ChefOps.', 'token');
  if (await emailInUse(db, invitation.email)) {
    throw new DomainError('CONFLICT', 'An account with this email already exists. Sign in instead.', 'token');
  }
}

/**
 * The invitee sets a password: the user is created in the inviting company with the invited
 * role. The invitation is checked (cheap) before the password is hashed (slow), under per-link
 * and per-IP limits; then claimed atomically, so the link works once; any refusal rolls back.
 */
export async function acceptInvitation(
  db: DbOrTx,
  { token, password, ip, now }: { token: string; password: string; ip?: string | null; now: Date },
): Promise<{ email: string }> {
  await enforceRateLimits(
    db,
    [
      { rule: RATE_LIMITS.invitationUseToken, subject: token },
      { rule: RATE_LIMITS.invitationUseIp, subject: ip },
    ],
    { now, message: TOO_MANY },
  );
  const tokenHash = hashToken(token);
  await assertCanJoin(db, await usableInvitation(db, tokenHash, now));
  const passwordHash = await hashPassword(password); // slow: before the transaction
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(
        and(
          eq(invitations.tokenHash, tokenHash),
          isNull(invitations.acceptedAt),
          sql`${invitations.expiresAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .returning();
    // Checked again inside: a parallel request may have used the link or taken the address.
    if (!claimed) await usableInvitation(tx, tokenHash, now);
    if (!claimed) throw new DomainError('BAD_REQUEST', 'This invitation link is not valid.', 'token');
    await assertCanJoin(tx, claimed);
    await tx.insert(users).values({ companyId: claimed.companyId, email: claimed.email, passwordHash, role: claimed.role });
    return { email: claimed.email };
  });
}
