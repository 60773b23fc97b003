import type { SessionUser } from '@/server/domain/actor';
import type { ContractEventPayload } from '@/server/outbox/events';

/** The common payload of contract and service-day events: both parties and who acted. */
export function contractEventPayload(
  contract: { id: string; cateringId: string; clientId: string },
  actor: SessionUser | null,
  details: Record<string, unknown> = {},
): ContractEventPayload {
  return {
    contractId: contract.id,
    cateringId: contract.cateringId,
    clientId: contract.clientId,
    actorCompanyId: actor?.companyId ?? null,
    actorUserId: actor?.userId ?? null,
    ...details,
  };
}
