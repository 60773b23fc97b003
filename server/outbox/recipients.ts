import { and, eq, inArray, isNull } from 'drizzle-orm';
import { companies, users } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { CompanyEventType, OutboxEvent } from './events';

/**
 * Who is told about an event, in one place: which companies (below), and within them the
 * active ADMIN/MANAGER users (recipientUsers). Email and in-app notifications both use it.
 */

/** Roles that receive contract and service-day messages. */
export const RECIPIENT_ROLES = ['ADMIN', 'MANAGER'] as const;

/**
 * The companies told about a contract or service-day event: the counterpart of the company that
 * acted; both parties for system events (no actor); the client for confirmation reminders.
 */
export function recipientCompanyIds(event: OutboxEvent<CompanyEventType>): string[] {
  if (event.eventType === 'service_day.confirmation_due') return [event.payload.clientId];
  const { cateringId, clientId, actorCompanyId } = event.payload;
  const parties = [...new Set([cateringId, clientId])];
  return actorCompanyId ? parties.filter((id) => id !== actorCompanyId) : parties;
}

/** Active, non-deleted ADMIN/MANAGER users of the given (non-deleted) companies. */
export async function recipientUsers(db: DbOrTx, companyIds: string[]) {
  if (companyIds.length === 0) return [];
  return db
    .select({ userId: users.id, email: users.email, companyId: users.companyId })
    .from(users)
    .innerJoin(companies, and(eq(companies.id, users.companyId), isNull(companies.deletedAt)))
    .where(
      and(
        inArray(users.companyId, [...new Set(companyIds)]),
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

/** Every company id an event's messages may name (parties, actor, digest caterers). */
export function companyIdsIn(event: OutboxEvent<CompanyEventType>): string[] {
  if (event.eventType === 'service_day.confirmation_due') {
    return [event.payload.clientId, ...event.payload.days.map((d) => d.cateringId)];
  }
  const { cateringId, clientId, actorCompanyId } = event.payload;
  return actorCompanyId ? [cateringId, clientId, actorCompanyId] : [cateringId, clientId];
}
