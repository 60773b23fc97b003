import { caterer, client } from '@/server/services/party-aliases';
import { allQueries } from '@/db/concurrent';
import { and, asc, desc, eq, inArray, isNull, or, type Placeholder, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { clientOfficeDays, clientProfiles, contractServiceDays, contracts } from '@/db/schema';
import type { ContractStatus } from '@/lib/enums';
import { toHhMm } from '@/lib/dates';
import type { SessionUser } from '@/server/domain/actor';
import type { ContractOutput } from '@/lib/schemas/contract';
import { contractActionsForViewer } from '@/server/domain/viewer-permissions';
import { DomainError } from '@/server/domain/errors';
import { loadPricePeriods } from './prices';


/** Contracts visible to the viewer: those its company is a party to (either side). */
export function partyOf(companyId: string | Placeholder): SQL {
  return and(or(eq(contracts.cateringId, companyId), eq(contracts.clientId, companyId)), isNull(contracts.deletedAt))!;
}

/**
 * The viewer's contracts by its own side: a caterer's by catering_id, a client's by client_id (a
 * company is one or the other, so these are the same contracts as partyOf's). For lists over
 * many contracts: the planner estimates one side's index well, while the OR of both sides was
 * estimated at the sum of both (a client with 6 contracts looked like 56, and every company was
 * hashed to name them).
 */
export function ownSideOf(companyType: SessionUser['companyType'], companyId: string | Placeholder): SQL {
  const side = companyType === 'CLIENT' ? contracts.clientId : contracts.cateringId;
  return and(eq(side, companyId), isNull(contracts.deletedAt))!;
}

const NO_DELIVERY_DETAILS = { deliveryAddress: null, deliveryInstructions: null, siteContactName: null, siteContactPhone: null };

async function loadContractViews(db: DbOrTx, viewer: SessionUser, filter: SQL | undefined): Promise<ContractOutput[]> {
  const rows = await db
    .select({
      contract: contracts,
      cateringName: caterer.name,
      clientName: client.name,
      clientEmail: client.email,
      clientTimeZone: client.timezone,
      delivery: {
        deliveryAddress: clientProfiles.deliveryAddress,
        deliveryInstructions: clientProfiles.deliveryInstructions,
        siteContactName: clientProfiles.siteContactName,
        siteContactPhone: clientProfiles.siteContactPhone,
      },
      clientStatus: client.status,
    })
    .from(contracts)
    .innerJoin(caterer, eq(caterer.id, contracts.cateringId))
    .innerJoin(client, eq(client.id, contracts.clientId))
    .leftJoin(clientProfiles, eq(clientProfiles.companyId, contracts.clientId))
    .where(and(partyOf(viewer.companyId), filter))
    .orderBy(desc(contracts.createdAt), asc(contracts.id));
  if (rows.length === 0) return [];

  const [weekdays, closedOfficeDays, periods] = await allQueries([
    db
      .select({ contractId: contractServiceDays.contractId, dayOfWeek: contractServiceDays.dayOfWeek })
      .from(contractServiceDays)
      .where(inArray(contractServiceDays.contractId, rows.map((r) => r.contract.id)))
      .orderBy(asc(contractServiceDays.dayOfWeek)),
    db
      .select({ companyId: clientOfficeDays.companyId, dayOfWeek: clientOfficeDays.dayOfWeek })
      .from(clientOfficeDays)
      .where(and(inArray(clientOfficeDays.companyId, [...new Set(rows.map((r) => r.contract.clientId))]), eq(clientOfficeDays.isWorkDay, false))),
    loadPricePeriods(db, rows.map((r) => r.contract.id)),
  ]);
  const daysOf = new Map<string, number[]>();
  for (const w of weekdays) daysOf.set(w.contractId, [...(daysOf.get(w.contractId) ?? []), w.dayOfWeek]);
  const closedOf = new Map<string, Set<number>>();
  for (const o of closedOfficeDays) closedOf.set(o.companyId, (closedOf.get(o.companyId) ?? new Set()).add(o.dayOfWeek));

  const viewerSide = viewer.companyType;
  return rows.map(({ contract: c, delivery, clientStatus, ...names }) => ({
    id: c.id,
    status: c.status,
    cateringId: c.cateringId,
    clientId: c.clientId,
    ...names,
    clientRegistered: clientStatus !== 'INVITED',
    minDailyQuantity: c.minDailyQuantity,
    defaultQuantity: c.defaultQuantity,
    maxQuantity: c.maxQuantity,
    noticeHours: c.noticeHours,
    noticeMode: c.noticeMode,
    noticeBusinessDays: c.noticeBusinessDays,
    cutoffTime: toHhMm(c.cutoffTime),
    startDate: c.startDate,
    endDate: c.endDate,
    serviceDays: daysOf.get(c.id) ?? [],
    skippedWeekdays: (daysOf.get(c.id) ?? []).filter((d) => closedOf.get(c.clientId)?.has(d)),
    clientClosedWeekdays: [...(closedOf.get(c.clientId) ?? [])].sort((a, b) => a - b),
    pricePerMealCents: c.pricePerMealCents,
    pricePeriods: periods.get(c.id) ?? [],
    currency: c.currency,
    poNumber: c.poNumber,
    costCenter: c.costCenter,
    deliveryTime: toHhMm(c.deliveryTime),
    clientDelivery: delivery ?? NO_DELIVERY_DETAILS,
    lateReductionChargePercent: c.lateReductionChargePercent,
    dietOptions: c.dietOptions,
    defaultDiets: c.defaultDiets,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    pausedAt: c.pausedAt,
    terminatedAt: c.terminatedAt,
    acceptedAt: c.acceptedAt,
    declinedAt: c.declinedAt,
    declineReason: c.declineReason,
    withdrawnAt: c.withdrawnAt,
    viewerSide,
    allowedActions: contractActionsForViewer(c.status, viewer),
  }));
}

/** The viewer's contracts (as caterer or client), newest first. */
export function listContracts(db: DbOrTx, viewer: SessionUser, input?: { status?: ContractStatus }) {
  return loadContractViews(db, viewer, input?.status ? eq(contracts.status, input.status) : undefined);
}

/** One contract the viewer is a party to; anyone else's (or a missing one) is NOT_FOUND. */
export async function getContract(db: DbOrTx, viewer: SessionUser, id: string): Promise<ContractOutput> {
  const [view] = await loadContractViews(db, viewer, eq(contracts.id, id));
  if (!view) throw new DomainError('NOT_FOUND', 'Contract not found.');
  return view;
}
