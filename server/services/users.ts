import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { users } from '@/db/schema';

/** The company's users (never another company's), oldest first. */
export function listUsers(db: DbOrTx, companyId: string) {
  return db
    .select({ id: users.id, email: users.email, role: users.role, isActive: users.isActive, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.companyId, companyId), isNull(users.deletedAt)))
    .orderBy(asc(users.createdAt), asc(users.email));
}
