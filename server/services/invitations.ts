import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { companies, invitations, users } from '@/db/schema';
import type { UserRole } from '@/lib/enums';
import type { DbOrTx } from '@/db/types';
import type { SessionUser } from '@/server/domain/actor';
import { hashPassword } from '@/server/auth/password-hash';
import { hashToken, newToken } from '@/server/auth/tokens';
import { DomainError } from '@/server/domain/errors';
import { linkProblem } from '@/server/domain/single-use-link';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { emailInUse } from './email-in-use';

export const INVITATION_TTL_SECONDS = 72 * 60 * 60;

export type InvitationSummary = { id: string; email: string; role: UserRole; expiresAt: Date; createdAt: Date; invitedByEmail: string };

/**
 * An ADMIN invites someone into their company. The link (token) goes out by email through the
 * outbox in the same transaction; only its SHA-256 is stored. Inviting the same email again
 * replaces the earlier, still pending invitation.
 */
export async function inviteUser(
  db: DbOrTx,
  tenant: SessionUser,
  { email, role, now }: { email: string; role: UserRole; now: Date },
): Promise<InvitationSummary> {
  return db.transaction(async (tx) => {
    if (await emailInUse(tx, email)) {
      throw new DomainError('CONFLICT', 'This email already belongs to an account.', 'email');
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
    const token = newToken();
    const [row] = await tx
      .insert(invitations)
      .values({
        companyId: tenant.companyId,
        email,
        role,
        tokenHash: hashToken(token),
        invitedById: tenant.userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_SECONDS * 1000),
        createdAt: now,
      })
      .returning();
    await enqueueOutboxEvent(tx, {
      type: 'user.invited',
      aggregateId: row!.id,
      payload: { email, token, companyName: company.name, role, invitedByEmail: tenant.email },
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

/**
 * The invitee sets a password: the user is created in the inviting company with the invited
 * role. The invitation is claimed atomically, so the link works once; any refusal rolls back.
 */
export async function acceptInvitation(
  db: DbOrTx,
  { token, password, now }: { token: string; password: string; now: Date },
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password); // slow: before the transaction
  const tokenHash = hashToken(token);
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
    if (!claimed) {
      const [row] = await tx
        .select({ usedAt: invitations.acceptedAt, expiresAt: invitations.expiresAt })
        .from(invitations)
        .where(eq(invitations.tokenHash, tokenHash));
      throw new DomainError('BAD_REQUEST', linkProblem('invitation', row, now) ?? 'This invitation link is not valid.', 'token');
    }
    const [company] = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.id, claimed.companyId), isNull(companies.deletedAt), eq(companies.status, 'ACTIVE')));
    if (!company) throw new DomainError('PRECONDITION_FAILED', 'The company that invited you no longer uses ChefOps.', 'token');
    if (await emailInUse(tx, claimed.email)) {
      throw new DomainError('CONFLICT', 'An account with this email already exists. Sign in instead.', 'token');
    }
    await tx.insert(users).values({ companyId: claimed.companyId, email: claimed.email, passwordHash, role: claimed.role });
    return { email: claimed.email };
  });
}
