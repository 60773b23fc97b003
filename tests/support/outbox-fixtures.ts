import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { companies, outboxEvents, users } from '@/db/schema';
import type { Database, DbOrTx } from '@/db/types';
import { sendEmailDeliveries } from '@/server/mail/sender';
import { devMailboxTransport } from '@/server/mail/transport';
import { drainOutbox, type DrainOptions } from '@/server/outbox/drain';
import { enqueueOutboxEvent, type NewOutboxEvent } from '@/server/outbox/enqueue';
import type { CompanyEventType, ContractParties, EventPayload } from '@/server/outbox/events';
import { addUser, registerCompany } from './callers';

/**
 * A caterer and a client, each with an ADMIN and a MANAGER (who receive messages), an EMPLOYEE
 * and a deactivated MANAGER (who must not).
 */
export async function twoParties(db: Database) {
  const catering = await registerCompany(db, { companyType: 'CATERING', companyName: 'Good Food Ltd' });
  const client = await registerCompany(db, { companyType: 'CLIENT', companyName: 'Acme Offices' });
  const cateringManager = await addUser(db, catering.session.companyId, 'MANAGER');
  const clientManager = await addUser(db, client.session.companyId, 'MANAGER');
  await addUser(db, catering.session.companyId, 'EMPLOYEE');
  await addUser(db, client.session.companyId, 'EMPLOYEE');
  const inactive = await addUser(db, client.session.companyId, 'MANAGER');
  await db.update(users).set({ isActive: false }).where(eq(users.id, inactive.session.userId));
  return {
    cateringId: catering.session.companyId,
    clientId: client.session.companyId,
    cateringAdmin: catering.session,
    clientAdmin: client.session,
    cateringRecipients: [catering.session.email, cateringManager.session.email].sort(),
    clientRecipients: [client.session.email, clientManager.session.email].sort(),
  };
}

/** Event types whose payload starts with the contract's parties. */
export type PartyEventType = Exclude<CompanyEventType, 'service_day.confirmation_due' | 'statement.issued'>;
type Details<T extends PartyEventType> = Omit<EventPayload<T>, keyof ContractParties>;

const day = () => ({ serviceDayId: randomUUID(), serviceDate: '2026-03-02' });
const SAMPLE_TERMS = {
  startDate: '2026-03-02',
  endDate: '2026-12-31',
  serviceDays: [1, 2, 3, 4, 5],
  minDailyQuantity: 10,
  defaultQuantity: 20,
  maxQuantity: 40,
  pricePerMealCents: 1500,
  currency: 'EUR',
  deliveryTime: '12:00',
  notice: { noticeMode: 'HOURS' as const, noticeHours: 24, noticeBusinessDays: 2, cutoffTime: '14:00' },
};
/** A valid payload (beyond the parties) per event type; tests override what they are about. */
const SAMPLE_DETAILS: { [T in PartyEventType]: () => Details<T> } = {
  'contract.created': () => ({ generatedServiceDays: 20 }),
  'contract.proposed': () => ({ terms: SAMPLE_TERMS }),
  'contract.accepted': () => ({ terms: SAMPLE_TERMS, generatedServiceDays: 20 }),
  'contract.declined': () => ({ reason: 'We found a caterer closer to the office.' }),
  'contract.withdrawn': () => ({}),
  'contract.updated': () => ({ changed: ['defaultQuantity'], lockedServiceDays: 0, replacedServiceDays: 20, generatedServiceDays: 20 }),
  'contract.paused': () => ({ previousStatus: 'ACTIVE', status: 'PAUSED', lockedServiceDays: 1, removedServiceDays: 19 }),
  'contract.resumed': () => ({ previousStatus: 'PAUSED', status: 'ACTIVE', generatedServiceDays: 19 }),
  'contract.terminated': () => ({ previousStatus: 'ACTIVE', status: 'TERMINATED', lockedServiceDays: 1, removedServiceDays: 19 }),
  'service_day.expected_confirmed': () => ({ ...day(), previousQuantity: 20, quantity: 25 }),
  'service_day.expected_auto_locked': () => ({ ...day(), expectedQuantity: 20 }),
  'service_day.served_confirmed': () => ({ ...day(), expectedQuantity: 20, servedQuantity: 19 }),
  'service_day.disputed': () => ({ ...day(), servedQuantity: 19, reason: 'Two trays were missing.' }),
  'service_day.served_corrected': () => ({ ...day(), previousServedQuantity: 999, servedQuantity: 127, note: 'Typo: one 9 too many.' }),
  'service_day.change_requested': () => ({ ...day(), previousQuantity: 20, quantity: 25, reason: 'Five guests.' }),
  'service_day.change_answered': () => ({ ...day(), accepted: true, previousQuantity: 20, quantity: 25, note: null }),
  'service_day.cancelled': () => ({ closureId: randomUUID(), reason: 'Christmas break', days: [day()] }),
  'service_day.dispute_resolved': () => ({ ...day(), previousServedQuantity: 19, originalServedQuantity: 19, servedQuantity: 17, note: 'Agreed.' }),
  'menu.updated': () => ({ dates: ['2026-03-02', '2026-03-04'] }),
};

/** Writes a contract event together with a state change, as services do. */
export async function enqueueWithChange<T extends PartyEventType>(
  db: DbOrTx,
  parties: { cateringId: string; clientId: string },
  type: T,
  actorCompanyId: string | null,
  overrides: Partial<Details<T>> = {},
): Promise<string> {
  const contractId = randomUUID();
  const payload = { contractId, cateringId: parties.cateringId, clientId: parties.clientId, actorCompanyId, actorUserId: null, ...SAMPLE_DETAILS[type](), ...overrides };
  return db.transaction(async (tx) => {
    await tx.update(companies).set({ name: `Good Food Ltd` }).where(eq(companies.id, parties.cateringId));
    // The compiler cannot pair a generic type with its payload; enqueue parses it at run time.
    await enqueueOutboxEvent(tx, { type, aggregateId: contractId, payload } as unknown as NewOutboxEvent);
    const [row] = await tx.select({ id: outboxEvents.id }).from(outboxEvents).where(eq(outboxEvents.aggregateId, contractId));
    return row!.id;
  });
}

/**
 * The outbox job as the app runs it, one step after the other: drain (in-app notifications and
 * e-mail deliveries recorded), then send the due deliveries to the dev mailbox.
 */
export async function drainAndSend(db: DbOrTx, options: DrainOptions = {}) {
  const drained = await drainOutbox(db, options);
  await sendEmailDeliveries(db, devMailboxTransport(), { now: options.now });
  return drained;
}
