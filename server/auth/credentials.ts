import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, users } from '@/db/schema';
import type { SessionUser } from '@/server/api/context';
import { dummyPasswordHash, verifyPassword } from './password-hash';

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
