import { and, eq, isNull, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { companies, passwordResetTokens, users } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/server/auth/password-hash';
import { clearRateLimit, enforceRateLimits, RATE_LIMITS } from '@/server/auth/rate-limit';
import { revokeAllForUser } from '@/server/auth/sessions';
import { hashToken, linkToken } from '@/server/auth/tokens';
import { DomainError } from '@/server/domain/errors';
import { linkProblem } from '@/server/domain/single-use-link';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';

export const RESET_TOKEN_TTL_SECONDS = 15 * 60;

/** The one answer to every reset request, so it does not reveal which emails have accounts. */
export const RESET_REQUESTED_MESSAGE =
  'If an account exists for that email, we have sent a link to reset its password. The link is valid for 15 minutes.';

const TOO_MANY = 'Too many reset requests. Please wait a few minutes and try again.';
const TOO_MANY_RESETS = 'Too many attempts with reset links. Please wait a few minutes and try again.';

/**
 * Starts a password reset. Known and unknown emails get the same answer after about the same
 * work: both pay one bcrypt comparison, which dwarfs the few extra queries of the known path.
 */
export async function requestPasswordReset(
  db: DbOrTx,
  { email, ip, now }: { email: string; ip?: string | null; now: Date },
): Promise<{ message: string }> {
  await enforceRateLimits(
    db,
    [
      { rule: RATE_LIMITS.resetAccount, subject: email },
      { rule: RATE_LIMITS.resetIp, subject: ip },
    ],
    { now, message: TOO_MANY },
  );

  const equalizeTiming = verifyPassword('timing-equalizer', await dummyPasswordHash());
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(
      and(
        sql`lower(${users.email}) = ${email.trim().toLowerCase()}`,
        eq(users.isActive, true),
        isNull(users.deletedAt),
        eq(companies.status, 'ACTIVE'),
        isNull(companies.deletedAt),
      ),
    )
    .limit(1);
  if (user) {
    // The link's token is derived from the row id (see linkToken): only its hash is stored,
    // and the outbox event carries nothing secret.
    const id = randomUUID();
    await db.transaction(async (tx) => {
      // A new link replaces any earlier one that is still unused.
      await tx
        .update(passwordResetTokens)
        .set({ usedAt: now })
        .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
      await tx.insert(passwordResetTokens).values({
        id,
        email: user.email,
        userId: user.id,
        tokenHash: hashToken(linkToken('password-reset', id)),
        expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_SECONDS * 1000),
        createdAt: now,
      });
      await enqueueOutboxEvent(tx, { type: 'auth.password_reset_requested', aggregateId: id, payload: { email: user.email } });
    });
  }
  await equalizeTiming;
  return { message: RESET_REQUESTED_MESSAGE };
}

/** Why the reset link with this token hash cannot be used now, or null when it can. */
async function resetLinkProblem(db: DbOrTx, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await db
    .select({ usedAt: passwordResetTokens.usedAt, expiresAt: passwordResetTokens.expiresAt })
    .from(passwordResetTokens)
    .where(eq(passwordResetTokens.tokenHash, tokenHash));
  return linkProblem('reset', row, now);
}

/**
 * Sets a new password with a reset token: single use (claimed atomically), then every session
 * of the user is revoked. It does not sign in: the user signs in with the new password.
 * The token is checked (cheap) before the password is hashed (slow), under per-link and per-IP
 * limits, so made-up tokens cost no bcrypt work.
 */
export async function resetPassword(
  db: DbOrTx,
  { token, password, ip, now }: { token: string; password: string; ip?: string | null; now: Date },
) {
  await enforceRateLimits(
    db,
    [
      { rule: RATE_LIMITS.resetUseToken, subject: token },
      { rule: RATE_LIMITS.resetUseIp, subject: ip },
    ],
    { now, message: TOO_MANY_RESETS },
  );
  const tokenHash = hashToken(token);
  const problem = await resetLinkProblem(db, tokenHash, now);
  if (problem) throw new DomainError('BAD_REQUEST', problem, 'token');
  const passwordHash = await hashPassword(password); // slow: before the transaction
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, tokenHash),
          isNull(passwordResetTokens.usedAt),
          sql`${passwordResetTokens.expiresAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .returning({ userId: passwordResetTokens.userId, email: passwordResetTokens.email });
    if (!claimed) {
      // Used by a parallel request since the check above.
      throw new DomainError('BAD_REQUEST', (await resetLinkProblem(tx, tokenHash, now)) ?? 'This reset link is not valid.', 'token');
    }
    const updated = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, claimed.userId), eq(users.isActive, true), isNull(users.deletedAt)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new DomainError('BAD_REQUEST', 'This account can no longer be used.', 'token');
    await revokeAllForUser(tx, { userId: claimed.userId, now });
    // The owner proved control of the mailbox: earlier failed sign-ins no longer count.
    await clearRateLimit(tx, { rule: RATE_LIMITS.signInAccount, subject: claimed.email });
  });
  return { ok: true as const };
}

/** Changes the signed-in user's password; every other session of theirs is signed out. */
export async function changePassword(
  db: DbOrTx,
  {
    userId,
    currentSessionId,
    currentPassword,
    newPassword,
    now,
  }: { userId: string; currentSessionId?: string; currentPassword: string; newPassword: string; now: Date },
) {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!user) throw new DomainError('NOT_FOUND', 'Account not found.');
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new DomainError('BAD_REQUEST', 'The current password is not correct.', 'currentPassword');
  }
  if (currentPassword === newPassword) {
    throw new DomainError('BAD_REQUEST', 'Choose a password different from the current one.', 'newPassword');
  }
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    const signedOut = await revokeAllForUser(tx, { userId, now, exceptTokenId: currentSessionId });
    return { otherSessionsSignedOut: signedOut };
  });
}
