import { and, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, users } from '@/db/schema';

/**
 * The company whose user (or whose own address) the email is, or null. Emails are unique
 * case-insensitively among rows that are not soft-deleted.
 */
export async function emailOwnerCompanyId(db: DbOrTx, email: string): Promise<string | null> {
  const normalized = email.trim().toLowerCase();
  const [user] = await db
    .select({ companyId: users.companyId })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${normalized}`, isNull(users.deletedAt)))
    .limit(1);
  if (user) return user.companyId;
  const [company] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(sql`lower(${companies.email}) = ${normalized}`, isNull(companies.deletedAt)))
    .limit(1);
  return company?.id ?? null;
}

export async function emailInUse(db: DbOrTx, email: string): Promise<boolean> {
  return (await emailOwnerCompanyId(db, email)) !== null;
}
