import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, users } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import { dummyPasswordHash, verifyPassword } from './password-hash';
import { clearRateLimit, consumeRateLimit, RATE_LIMITS, refundRateLimit } from './rate-limit';

/**
 * Checks an email and password. Unknown emails still cost one bcrypt compare, so the answer
 * time does not reveal whether an account exists.
 */
export async function checkCredentials(db: DbOrTx, email: string, password: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({ user: users, companyType: companies.companyType })
    .from(users)
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(
      and(
        sql`lower(${users.email}) = ${email.trim().toLowerCase()}`,
        isNull(users.deletedAt),
        isNull(companies.deletedAt),
        eq(companies.status, 'ACTIVE'),
      ),
    )
    .limit(1);
  const ok = await verifyPassword(password, row?.user.passwordHash ?? (await dummyPasswordHash()));
  if (!row || !ok || !row.user.isActive) return null;
  return {
    userId: row.user.id,
    companyId: row.user.companyId,
    companyType: row.companyType,
    role: row.user.role,
    email: row.user.email,
  };
}

export type SignInAttempt =
  | { status: 'ok'; user: SessionUser }
  | { status: 'invalid' }
  /** Too many failures for this email or this address; the password was not even checked. */
  | { status: 'limited'; retryAfterSeconds: number };

/**
 * A sign-in attempt under the brute-force limits. Each attempt is counted before the password
 * is checked (one atomic upsert per key), so parallel guesses cannot slip past the limit; a
 * success then clears the account's counter and gives the address its attempt back. The
 * answer is the same whether or not the account exists: the key is the typed email.
 */
export async function attemptSignIn(
  db: DbOrTx,
  { email, password, ip, now }: { email: string; password: string; ip?: string | null; now: Date },
): Promise<SignInAttempt> {
  const account = await consumeRateLimit(db, { rule: RATE_LIMITS.signInAccount, subject: email, now });
  const address = ip ? await consumeRateLimit(db, { rule: RATE_LIMITS.signInIp, subject: ip, now }) : null;
  if (account.limited || address?.limited) {
    return { status: 'limited', retryAfterSeconds: Math.max(account.retryAfterSeconds, address?.retryAfterSeconds ?? 0) };
  }
  const user = await checkCredentials(db, email, password);
  if (!user) return { status: 'invalid' };
  await clearRateLimit(db, { rule: RATE_LIMITS.signInAccount, subject: email });
  if (ip) await refundRateLimit(db, { rule: RATE_LIMITS.signInIp, subject: ip });
  return { status: 'ok', user };
}
