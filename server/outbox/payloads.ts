import type { ContractEventPayload, EventType } from './events';

/** Payload of `service_day.confirmation_due`: one digest per client company. */
export type ConfirmationDuePayload = {
  clientId: string;
  actorCompanyId: null;
  actorUserId: null;
  days: { serviceDayId: string; contractId: string; cateringId: string; serviceDate: string; deadline: string }[];
};

/** `user.invited`, enqueued by the invitation service. */
export type InvitationPayload = { email: string; token: string; companyName: string; role: string; invitedByEmail: string };

/** `auth.password_reset_requested`, enqueued by the password-reset service. */
export type PasswordResetPayload = { email: string; token: string };

/** Event types whose only recipient is the person named in the payload (no in-app row). */
export const EMAIL_ONLY_EVENT_TYPES: readonly EventType[] = ['user.invited', 'auth.password_reset_requested'];

/** Payload keys that hold secrets; removed once the event is PROCESSED. */
export const SECRET_PAYLOAD_KEYS = ['token'] as const;

/**
 * The companies told about a contract or service-day event: the counterpart of the company that
 * acted; both parties for system events (no actor); the client for confirmation reminders.
 */
export function recipientCompanyIds(eventType: string, payload: Record<string, unknown>): string[] {
  if (eventType === 'service_day.confirmation_due') {
    return typeof payload.clientId === 'string' ? [payload.clientId] : [];
  }
  if ((EMAIL_ONLY_EVENT_TYPES as readonly string[]).includes(eventType)) return [];
  const p = payload as Partial<ContractEventPayload>;
  const parties = [p.cateringId, p.clientId].filter((id): id is string => typeof id === 'string');
  if (!p.actorCompanyId) return [...new Set(parties)];
  return parties.filter((id) => id !== p.actorCompanyId);
}
