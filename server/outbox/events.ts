import { z } from 'zod';
import { CONTRACT_STATUSES, DIETS, NOTICE_MODES, type NotificationCategory } from '@/lib/enums';
import { dateSchema, roleSchema, uuidSchema } from '@/lib/schemas/common';

/**
 * Every event type the system emits and the one schema of its payload. Producers can only
 * enqueue a payload of this shape (typed, and parsed again when written); the drainer parses
 * every claimed payload with the same schema before a handler sees it.
 */

const id = uuidSchema;
const serviceDate = dateSchema('The service date');
const count = z.number().int().nonnegative();

/** Both parties of the contract and who acted (null for the system), so handlers can tell the counterpart. */
const contractParties = {
  contractId: id,
  cateringId: id,
  clientId: id,
  actorCompanyId: id.nullable(),
  actorUserId: id.nullable(),
};
const serviceDay = { ...contractParties, serviceDayId: id, serviceDate };
const statusChange = { previousStatus: z.enum(CONTRACT_STATUSES), status: z.enum(CONTRACT_STATUSES) };
const clearedDays = { lockedServiceDays: count, removedServiceDays: count };
/**
 * The contract's notice as agreed, so its messages can say when counts are due. Optional:
 * events written before notice modes existed do not carry it.
 */
const noticeTerms = z.strictObject({
  noticeMode: z.enum(NOTICE_MODES),
  noticeHours: count,
  noticeBusinessDays: count,
  cutoffTime: z.string().regex(/^\d{2}:\d{2}$/),
});
const notice = noticeTerms.optional();

/** The terms a proposal offers (and an acceptance agrees to), so its messages can state them. */
const proposalTerms = z.strictObject({
  startDate: dateSchema('The start date'),
  endDate: dateSchema('The end date'),
  /** ISO weekdays, ascending. */
  serviceDays: z.array(z.number().int().min(1).max(7)).min(1),
  minDailyQuantity: count,
  defaultQuantity: count,
  maxQuantity: count,
  pricePerMealCents: count,
  currency: z.string().length(3),
  deliveryTime: z.string().regex(/^\d{2}:\d{2}$/),
  notice: noticeTerms,
  /** Share of the price still billed for meals removed after the deadline (absent: written before late changes). */
  lateReductionChargePercent: count.max(100).optional(),
});

/** Only in events written before link tokens were derived from their row; never written now. */
const legacyToken = z.string().min(1).optional();

export const EVENT_PAYLOADS = {
  /** Contracts created ACTIVE before proposals existed; no longer written (create proposes). */
  'contract.created': z.strictObject({ ...contractParties, generatedServiceDays: count, notice }),
  /** The caterer proposed a contract to the client (PROPOSED: no days, no capacity used yet). */
  'contract.proposed': z.strictObject({ ...contractParties, terms: proposalTerms }),
  /** The client's ADMIN accepted the proposal: ACTIVE, its first service days generated. */
  'contract.accepted': z.strictObject({ ...contractParties, terms: proposalTerms, generatedServiceDays: count }),
  /** The client's ADMIN declined the proposal (final). */
  'contract.declined': z.strictObject({ ...contractParties, reason: z.string().min(1) }),
  /** The caterer withdrew its proposal before the client answered (final). */
  'contract.withdrawn': z.strictObject({ ...contractParties }),
  'contract.updated': z.strictObject({
    ...contractParties,
    /** Names of the contract terms that changed. */
    changed: z.array(z.string()),
    notice,
    lockedServiceDays: count,
    replacedServiceDays: count,
    generatedServiceDays: count,
  }),
  'contract.paused': z.strictObject({ ...contractParties, ...statusChange, ...clearedDays }),
  'contract.resumed': z.strictObject({ ...contractParties, ...statusChange, generatedServiceDays: count }),
  'contract.terminated': z.strictObject({ ...contractParties, ...statusChange, ...clearedDays }),
  'service_day.expected_confirmed': z.strictObject({
    ...serviceDay,
    previousQuantity: count,
    quantity: count,
    /** Meals per special diet (the rest standard); absent in events written before diets. */
    diets: z.partialRecord(z.enum(DIETS), count).optional(),
  }),
  'service_day.expected_auto_locked': z.strictObject({ ...serviceDay, expectedQuantity: count }),
  'service_day.served_confirmed': z.strictObject({ ...serviceDay, expectedQuantity: count, servedQuantity: count }),
  'service_day.disputed': z.strictObject({ ...serviceDay, servedQuantity: count.nullable(), reason: z.string().min(1) }),
  /** The caterer corrected its own served count within 24 hours; told to the client. */
  'service_day.served_corrected': z.strictObject({
    ...serviceDay,
    previousServedQuantity: count,
    servedQuantity: count,
    note: z.string().min(1),
  }),
  'service_day.dispute_resolved': z.strictObject({
    ...serviceDay,
    previousServedQuantity: count.nullable(),
    originalServedQuantity: count.nullable(),
    servedQuantity: count,
    note: z.string().min(1),
  }),
  /** After the deadline the client asked the caterer for a late change of the day's count. */
  'service_day.change_requested': z.strictObject({
    ...serviceDay,
    previousQuantity: count,
    quantity: count,
    diets: z.partialRecord(z.enum(DIETS), count).optional(),
    reason: z.string().min(1),
  }),
  /** The caterer accepted (count applied) or declined the day's late change request. */
  'service_day.change_answered': z.strictObject({
    ...serviceDay,
    accepted: z.boolean(),
    previousQuantity: count,
    quantity: count,
    note: z.string().nullable(),
  }),
  /**
   * A closure (or a public holiday) cancelled the contract's days in it whose deadline was ahead;
   * told to the other party. `closureId` is null for holidays.
   */
  'service_day.cancelled': z.strictObject({
    ...contractParties,
    closureId: id.nullable(),
    reason: z.string().min(1),
    days: z.array(z.strictObject({ serviceDayId: id, serviceDate })).min(1),
  }),
  /** The caterer issued a statement to the client (the aggregate id is the statement's id). */
  'statement.issued': z.strictObject({
    cateringId: id,
    clientId: id,
    actorCompanyId: id,
    actorUserId: id,
    statementId: id,
    number: z.string().min(1),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    totals: z.array(z.strictObject({ currency: z.string().length(3), grossCents: z.number().int() })),
  }),
  /**
   * The caterer published or changed the menus of these dates (within the next two weeks);
   * one digest per contract per hour of edits, told to the client.
   */
  'menu.updated': z.strictObject({ ...contractParties, dates: z.array(serviceDate).min(1) }),
  /** One digest per client company of its days whose deadline is near. */
  'service_day.confirmation_due': z.strictObject({
    clientId: id,
    actorCompanyId: z.null(),
    actorUserId: z.null(),
    days: z
      .array(z.strictObject({ serviceDayId: id, contractId: id, cateringId: id, serviceDate, deadline: z.iso.datetime() }))
      .min(1),
  }),
  /**
   * The aggregate id is the invitation's id, from which the link's token is derived (linkToken).
   * `existingAccount`: the address has an account elsewhere, so the mail says so and has no link.
   */
  'user.invited': z.strictObject({
    email: z.string().min(1),
    companyName: z.string(),
    role: roleSchema,
    invitedByEmail: z.string(),
    existingAccount: z.literal(true).optional(),
    token: legacyToken,
  }),
  /**
   * A caterer proposed a contract to a client that is not on ChefOps yet: the e-mail to the
   * address carries the terms and the 7-day link to register (the aggregate id is the client
   * invitation's id, from which the link's token is derived).
   */
  'contract.client_invited': z.strictObject({
    email: z.string().min(1),
    companyName: z.string().min(1),
    cateringName: z.string(),
    invitedByEmail: z.string(),
    contractId: id,
    /** The client's zone is not known yet: times are on the caterer's guess (its own zone). */
    timeZone: z.string().min(1),
    terms: proposalTerms,
  }),
  /** The aggregate id is the reset-token row's id, from which the link's token is derived. */
  'auth.password_reset_requested': z.strictObject({ email: z.string().min(1), token: legacyToken }),
} as const;

/**
 * The notification category of each event type, for the recipients' e-mail preferences (in-app
 * always); null: account e-mails to one person (invitations, password resets), always sent.
 */
export const EVENT_CATEGORIES = {
  'contract.created': 'contracts',
  'contract.proposed': 'contracts',
  'contract.accepted': 'contracts',
  'contract.declined': 'contracts',
  'contract.withdrawn': 'contracts',
  'contract.updated': 'contracts',
  'contract.paused': 'contracts',
  'contract.resumed': 'contracts',
  'contract.terminated': 'contracts',
  'service_day.expected_confirmed': 'confirmations',
  'service_day.expected_auto_locked': 'confirmations',
  'service_day.served_confirmed': 'confirmations',
  'service_day.disputed': 'disputes',
  'service_day.served_corrected': 'confirmations',
  'service_day.dispute_resolved': 'disputes',
  'service_day.cancelled': 'confirmations',
  'service_day.change_requested': 'confirmations',
  'service_day.change_answered': 'confirmations',
  'service_day.confirmation_due': 'reminders',
  'statement.issued': 'statements',
  'menu.updated': 'contracts',
  'user.invited': null,
  'contract.client_invited': null,
  'auth.password_reset_requested': null,
} as const satisfies Record<keyof typeof EVENT_PAYLOADS, NotificationCategory | null>;

/** Payload keys that held secrets (in older events); removed once an event is PROCESSED or DEAD. */
export const SECRET_PAYLOAD_KEYS = ['token'] as const;

export type EventType = keyof typeof EVENT_PAYLOADS;
export type EventPayload<T extends EventType> = z.output<(typeof EVENT_PAYLOADS)[T]>;
export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as EventType[];
/** Types no producer writes any more, kept so that stored events of them still parse and drain. */
export const LEGACY_EVENT_TYPES = ['contract.created'] as const satisfies EventType[];

/** Event types whose only recipient is the person named in the payload (no in-app row). */
export const EMAIL_ONLY_EVENT_TYPES = ['user.invited', 'contract.client_invited', 'auth.password_reset_requested'] as const satisfies EventType[];
export type EmailOnlyEventType = (typeof EMAIL_ONLY_EVENT_TYPES)[number];
export type CompanyEventType = Exclude<EventType, EmailOnlyEventType>;

/** An event's type with its payload, narrowed together by `eventType`. */
export type OutboxEvent<T extends EventType = EventType> = { [K in T]: { eventType: K; payload: EventPayload<K> } }[T];
/** The common payload of contract and service-day events. */
export type ContractNotice = z.output<typeof noticeTerms>;
export type ProposalTerms = z.output<typeof proposalTerms>;
export type ContractParties = Pick<EventPayload<'contract.created'>, keyof typeof contractParties>;

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_PAYLOADS, value);
}

export function isEmailOnlyType(eventType: string): eventType is EmailOnlyEventType {
  return (EMAIL_ONLY_EVENT_TYPES as readonly string[]).includes(eventType);
}

export function isEmailOnly<E extends OutboxEvent>(event: E): event is Extract<E, { eventType: EmailOnlyEventType }> {
  return isEmailOnlyType(event.eventType);
}

export function isCompanyEvent<E extends OutboxEvent>(event: E): event is Extract<E, { eventType: CompanyEventType }> {
  return !isEmailOnlyType(event.eventType);
}

/** A payload that does not match its event type's schema; the message names each bad field. */
export class InvalidEventPayloadError extends Error {
  override name = 'InvalidEventPayloadError';
}

/** Parses a payload with its type's schema; throws InvalidEventPayloadError naming the bad fields. */
export function parseEventPayload<T extends EventType>(eventType: T, payload: unknown): EventPayload<T> {
  const result = EVENT_PAYLOADS[eventType].safeParse(payload);
  if (result.success) return result.data as EventPayload<T>;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
  throw new InvalidEventPayloadError(`${eventType} payload does not match its schema: ${issues}`);
}

/** A stored event (type as text, payload as JSON) checked against its type's schema. */
export function parseOutboxEvent(eventType: string, payload: unknown): OutboxEvent {
  if (!isEventType(eventType)) throw new InvalidEventPayloadError(`Unknown event type ${eventType}.`);
  return { eventType, payload: parseEventPayload(eventType, payload) } as OutboxEvent;
}
