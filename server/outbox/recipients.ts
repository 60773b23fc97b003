import { allQueries } from '@/db/concurrent';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { companies, users } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { formatDate } from '@/lib/format';
import type { DbOrTx } from '@/db/types';
import type { CompanyDirectory, ContractLabels } from '@/server/mail/templates';
import type { CompanyEventType, OutboxEvent } from './events';
import type { HandlerContext } from './handler';

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
    .select({ userId: users.id, email: users.email, companyId: users.companyId, emailMutedCategories: users.emailMutedCategories })
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

/** Names and time zones of companies by id, so messages can name the counterpart and use the reader's zone. */
export async function companyDirectory(db: DbOrTx, ids: string[]): Promise<CompanyDirectory> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const rows = await db
    .select({ id: companies.id, name: companies.name, timeZone: companies.timezone })
    .from(companies)
    .where(inArray(companies.id, unique));
  return Object.fromEntries(rows.map((r) => [r.id, { name: r.name, timeZone: r.timeZone }]));
}

/**
 * For contracts whose two companies have more than one contract together, a label that tells
 * them apart ("contract from Mon, 2 Mar 2026"); nothing for a pair's only contract.
 */
export async function contractLabels(db: DbOrTx, contractIds: string[]): Promise<ContractLabels> {
  const unique = [...new Set(contractIds)];
  if (unique.length === 0) return {};
  const rows = await queryRows<{ id: string; start_date: string; pair_contracts: number | string }>(
    db,
    sql`select c.id, to_char(c.start_date, 'YYYY-MM-DD') as start_date,
          (select count(*) from contracts o
           where o.catering_id = c.catering_id and o.client_id = c.client_id and o.deleted_at is null) as pair_contracts
        from contracts c where c.id in (${sql.join(unique.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return Object.fromEntries(rows.filter((r) => Number(r.pair_contracts) > 1).map((r) => [r.id, `contract from ${formatDate(r.start_date)}`]));
}

/** Contract ids an event's messages may name. */
export function contractIdsIn(event: OutboxEvent<CompanyEventType>): string[] {
  if (event.eventType === 'service_day.confirmation_due') return event.payload.days.map((d) => d.contractId);
  if (event.eventType === 'statement.issued') return [];
  return [event.payload.contractId];
}

export type Recipient = Awaited<ReturnType<typeof recipientUsers>>[number];

/**
 * Everything a batch of events needs to be written for its readers, in three queries: the
 * recipients (by company), the companies named (name, zone), and contract labels.
 */
export async function loadMessageContext(db: DbOrTx, events: OutboxEvent<CompanyEventType>[]) {
  const [companies, users, contracts] = await allQueries([
    companyDirectory(db, events.flatMap((e) => [...companyIdsIn(e), ...recipientCompanyIds(e)])),
    recipientUsers(db, events.flatMap((e) => recipientCompanyIds(e))),
    contractLabels(db, events.flatMap((e) => contractIdsIn(e))),
  ]);
  const usersOf = new Map<string, Recipient[]>();
  for (const u of users) usersOf.set(u.companyId, [...(usersOf.get(u.companyId) ?? []), u]);
  return { companies, contracts, usersOf };
}

/**
 * loadMessageContext, read once per transaction when the handlers share a memo (in-app and
 * e-mail run over the same events in the drain's batch transaction).
 */
export function messageContextOnce(db: DbOrTx, events: (OutboxEvent<CompanyEventType> & { id: string })[], memo: HandlerContext['memo']) {
  if (!memo) return loadMessageContext(db, events);
  return memo(`message-context:${events.map((e) => e.id).join(',')}`, () => loadMessageContext(db, events));
}

/** Every company id an event's messages may name (parties, actor, digest caterers). */
export function companyIdsIn(event: OutboxEvent<CompanyEventType>): string[] {
  if (event.eventType === 'service_day.confirmation_due') {
    return [event.payload.clientId, ...event.payload.days.map((d) => d.cateringId)];
  }
  const { cateringId, clientId, actorCompanyId } = event.payload;
  return actorCompanyId ? [cateringId, clientId, actorCompanyId] : [cateringId, clientId];
}
