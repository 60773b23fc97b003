/** Every event type the system emits. Handlers subscribe by these names. */
export const EVENT_TYPES = [
  'contract.created',
  'contract.updated',
  'contract.paused',
  'contract.resumed',
  'contract.terminated',
  'service_day.expected_confirmed',
  'service_day.expected_auto_locked',
  'service_day.served_confirmed',
  'service_day.disputed',
  'service_day.dispute_resolved',
  'service_day.confirmation_due',
  'user.invited',
  'auth.password_reset_requested',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Payload of contract and service-day events: both parties, and who acted (null for the
 * system), so handlers can tell the counterpart company.
 */
export type ContractEventPayload = {
  contractId: string;
  cateringId: string;
  clientId: string;
  actorCompanyId: string | null;
  actorUserId: string | null;
  serviceDayId?: string;
  serviceDate?: string;
  [detail: string]: unknown;
};
