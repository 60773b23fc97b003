import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, users } from '@/db/schema';
import type { UserRole } from '@/lib/enums';
import type { SessionUser } from '@/server/domain/actor';
import { revokeAllForUser } from '@/server/auth/sessions';
import { DomainError } from '@/server/domain/errors';

const userColumns = { id: users.id, email: users.email, role: users.role, isActive: users.isActive, createdAt: users.createdAt };

/** The company's users (never another company's), oldest first. */
export function listUsers(db: DbOrTx, companyId: string) {
  return db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.companyId, companyId), isNull(users.deletedAt)))
    .orderBy(asc(users.createdAt), asc(users.email));
}

const LAST_ADMIN = 'A company needs at least one active administrator. Make someone else an administrator first.';

/**
 * Loads a user of the tenant's company for a change, holding the company row locked: two
 * administrators demoting each other at once are decided one after the other, so the
 * company can never be left without an active ADMIN.
 */
async function loadForChange(tx: DbOrTx, tenant: SessionUser, id: string) {
  await tx.select({ id: companies.id }).from(companies).where(eq(companies.id, tenant.companyId)).for('update');
  const [user] = await tx
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.companyId, tenant.companyId), isNull(users.deletedAt)));
  if (!user) throw new DomainError('NOT_FOUND', 'User not found.');
  return user;
}

async function otherActiveAdminExists(tx: DbOrTx, companyId: string, exceptUserId: string) {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.companyId, companyId),
        eq(users.role, 'ADMIN'),
        eq(users.isActive, true),
        isNull(users.deletedAt),
        ne(users.id, exceptUserId),
      ),
    )
    .limit(1);
  return Boolean(other);
}

/** Changes a user's role. It applies on their next request (sessions read the role live). */
export async function setUserRole(db: DbOrTx, tenant: SessionUser, { id, role }: { id: string; role: UserRole }) {
  return db.transaction(async (tx) => {
    const user = await loadForChange(tx, tenant, id);
    if (user.role === role) return user;
    if (user.role === 'ADMIN' && user.isActive && !(await otherActiveAdminExists(tx, tenant.companyId, id))) {
      throw new DomainError('CONFLICT', LAST_ADMIN, 'role');
    }
    const [updated] = await tx.update(users).set({ role }).where(eq(users.id, id)).returning(userColumns);
    return updated!;
  });
}

/** Deactivates a user: they cannot sign in, and every session of theirs ends now. */
export async function deactivateUser(db: DbOrTx, tenant: SessionUser, { id, now }: { id: string; now: Date }) {
  return db.transaction(async (tx) => {
    const user = await loadForChange(tx, tenant, id);
    if (!user.isActive) return user;
    if (user.role === 'ADMIN' && !(await otherActiveAdminExists(tx, tenant.companyId, id))) {
      throw new DomainError('CONFLICT', LAST_ADMIN);
    }
    const [updated] = await tx.update(users).set({ isActive: false }).where(eq(users.id, id)).returning(userColumns);
    await revokeAllForUser(tx, { userId: id, now });
    return updated!;
  });
}

/** Lets a deactivated user sign in again (their old sessions stay revoked). */
export async function activateUser(db: DbOrTx, tenant: SessionUser, { id }: { id: string }) {
  return db.transaction(async (tx) => {
    const user = await loadForChange(tx, tenant, id);
    if (user.isActive) return user;
    const [updated] = await tx.update(users).set({ isActive: true }).where(eq(users.id, id)).returning(userColumns);
    return updated!;
  });
}
