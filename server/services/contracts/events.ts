import type { SessionUser } from '@/server/domain/actor';
import type { ContractNotice, ContractParties, ProposalTerms } from '@/server/outbox/events';
import { toHhMm } from '@/lib/dates';

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

/** The terms a proposal offers, as its events carry them (weekdays ascending, times 'HH:MM'). */
export function proposalTermsOf(
  contract: ContractNotice & {
    startDate: string;
    endDate: string;
    minDailyQuantity: number;
    defaultQuantity: number;
    maxQuantity: number;
    pricePerMealCents: number;
    currency: string;
    deliveryTime: string;
    lateReductionChargePercent: number;
  },
  serviceDays: number[],
): ProposalTerms {
  return {
    startDate: contract.startDate,
    endDate: contract.endDate,
    serviceDays: [...serviceDays].sort((a, b) => a - b),
    minDailyQuantity: contract.minDailyQuantity,
    defaultQuantity: contract.defaultQuantity,
    maxQuantity: contract.maxQuantity,
    pricePerMealCents: contract.pricePerMealCents,
    currency: contract.currency,
    deliveryTime: toHhMm(contract.deliveryTime),
    notice: { ...noticeOf(contract), cutoffTime: toHhMm(contract.cutoffTime) },
    lateReductionChargePercent: contract.lateReductionChargePercent,
  };
}
