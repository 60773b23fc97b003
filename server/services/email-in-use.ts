import { and, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, users } from '@/db/schema';

/** Emails are unique case-insensitively among rows that are not soft-deleted. */
export async function emailInUse(db: DbOrTx, email: string): Promise<boolean> {
  const normalized = email.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${normalized}`, isNull(users.deletedAt)))
    .limit(1);
  if (user) return true;
  const [company] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(sql`lower(${companies.email}) = ${normalized}`, isNull(companies.deletedAt)))
    .limit(1);
  return Boolean(company);
}
