import type { SessionUser } from '@/server/domain/actor';
import type { ContractNotice, ContractParties } from '@/server/outbox/events';

/** The common payload of contract and service-day events (both parties and who acted), plus the event's own fields. */
export function contractEventPayload<Details extends object>(
  contract: { id: string; cateringId: string; clientId: string },
  actor: SessionUser | null,
  details: Details,
): ContractParties & Details {
  return {
    contractId: contract.id,
    cateringId: contract.cateringId,
    clientId: contract.clientId,
    actorCompanyId: actor?.companyId ?? null,
    actorUserId: actor?.userId ?? null,
    ...details,
  };
}

/** The notice terms a contract event carries, so its messages can say when counts are due. */
export function noticeOf(terms: ContractNotice): ContractNotice {
  const { noticeMode, noticeHours, noticeBusinessDays, cutoffTime } = terms;
  return { noticeMode, noticeHours, noticeBusinessDays, cutoffTime };
}
