import { and, eq, inArray, isNull } from 'drizzle-orm';
import { companies, users } from '@/db/schema';
import type { DbOrTx } from '@/db/types';

/** Roles that receive contract and service-day messages. */
export const RECIPIENT_ROLES = ['ADMIN', 'MANAGER'] as const;

/** Active, non-deleted ADMIN/MANAGER users of the given companies. */
export async function recipientUsers(db: DbOrTx, companyIds: string[]) {
  if (companyIds.length === 0) return [];
  return db
    .select({ userId: users.id, email: users.email, companyId: users.companyId })
    .from(users)
    .innerJoin(companies, and(eq(companies.id, users.companyId), isNull(companies.deletedAt)))
    .where(
      and(
        inArray(users.companyId, companyIds),
        eq(users.isActive, true),
        isNull(users.deletedAt),
        inArray(users.role, [...RECIPIENT_ROLES]),
      ),
    )
    .orderBy(users.email);
}

/** Company names by id, so messages can say who acted. */
export async function companyNames(db: DbOrTx, ids: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const rows = await db.select({ id: companies.id, name: companies.name }).from(companies).where(inArray(companies.id, unique));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Every company id an event's payload mentions (parties, actor, digest caterers). */
export function companyIdsIn(payload: Record<string, unknown>): string[] {
  const ids = [payload.cateringId, payload.clientId, payload.actorCompanyId];
  const days = Array.isArray(payload.days) ? (payload.days as { cateringId?: unknown }[]) : [];
  return [...ids, ...days.map((d) => d.cateringId)].filter((v): v is string => typeof v === 'string');
}
