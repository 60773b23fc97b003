import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { queryRows } from '@/db/rows';
import { addUser, callerFor, registerCompany, type Clock } from './callers';

/** Valid contract terms; override what a test is about. */
export function contractTerms(overrides: Record<string, unknown> = {}) {
  return {
    minDailyQuantity: 10,
    defaultQuantity: 20,
    maxQuantity: 40,
    noticeHours: 24,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
    serviceDays: [1, 2, 3, 4, 5],
    pricePerMealCents: 1500,
    deliveryTime: '12:00',
    ...overrides,
  };
}

/** A caterer and a client (ADMIN, MANAGER and EMPLOYEE each), all on one shared clock. */
export async function catererAndClient(
  db: Database,
  clock: Clock,
  options: { capacity?: number; clientTimeZone?: string; catererTimeZone?: string } = {},
) {
  const caterer = await registerCompany(
    db,
    { companyType: 'CATERING', dailyCapacity: options.capacity ?? 500, timezone: options.catererTimeZone ?? 'UTC' },
    clock,
  );
  const client = await registerCompany(db, { companyType: 'CLIENT', timezone: options.clientTimeZone ?? 'UTC' }, clock);
  const [catererManager, catererEmployee, clientManager, clientEmployee] = await Promise.all([
    addUser(db, caterer.session.companyId, 'MANAGER', clock),
    addUser(db, caterer.session.companyId, 'EMPLOYEE', clock),
    addUser(db, client.session.companyId, 'MANAGER', clock),
    addUser(db, client.session.companyId, 'EMPLOYEE', clock),
  ]);
  return { caterer, client, catererManager, catererEmployee, clientManager, clientEmployee };
}

/** The rejection of a call as a TRPCError (fails the test when the call succeeds). */
export async function rejectionOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the call should have been refused').toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** The field paths an error points at: zod issues, or a domain error's field. */
export function fieldsOf(error: TRPCError): string[] {
  const cause = error.cause as { issues?: { path: PropertyKey[] }[]; field?: string } | undefined;
  if (cause?.issues) return cause.issues.map((i) => i.path.map(String).join('.'));
  return cause?.field ? [cause.field] : [];
}

/** Every row of the tables a contract feature touches, to prove a refused call changed nothing. */
export async function snapshot(db: Database, moreTables: readonly string[] = []) {
  const tables = ['contracts', 'contract_service_days', 'service_days', 'outbox_events', ...moreTables];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    out[table] = await queryRows(db, sql.raw(`select * from ${table} order by id`));
  }
  return out;
}

export type OutboxRow = { event_type: string; aggregate_id: string; payload: Record<string, unknown> };

/** Outbox events written after `since` (by sequence of insertion), oldest first. */
export async function eventsFor(db: Database, aggregateId: string): Promise<OutboxRow[]> {
  return queryRows<OutboxRow>(
    db,
    sql`select event_type, aggregate_id, payload from outbox_events where aggregate_id = ${aggregateId}::uuid order by created_at, event_type`,
  );
}

type Party = { caller: ReturnType<typeof callerFor>; email: string };

/**
 * A contract both sides have agreed to: the caterer's ADMIN proposes the terms, the client's
 * ADMIN accepts them, and the contract is ACTIVE with its first service days.
 * Tests about anything after agreement start here, so how a contract comes into force is one place.
 * `client.caller` must be the client company's ADMIN; `client.email` names the client company.
 */
export async function agreeContract(caterer: Party, client: Party, terms: Record<string, unknown> = {}) {
  const proposal = await caterer.caller.contract.create({ clientEmail: client.email, ...contractTerms(terms) });
  const accepted = await client.caller.contract.accept({ id: proposal.id });
  // The caller sees the contract from its own side (viewerSide, allowed actions), as create answered.
  return caterer.caller.contract.get({ id: accepted.id });
}

/** A proposal the client has not answered yet (PROPOSED: no days, no capacity used). */
export async function proposeContract(caterer: Party, client: Pick<Party, 'email'>, terms: Record<string, unknown> = {}) {
  return caterer.caller.contract.create({ clientEmail: client.email, ...contractTerms(terms) });
}
