import { caterer, client } from "@/server/services/party-aliases";
import { allQueries } from '@/db/concurrent';
import {
  and,
  asc,
  eq,
  getTableColumns,
  gte,
  lte,
  ne,
  sql,
  type SQL,
} from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx, Transaction } from "@/db/types";
import { contractPrices, contracts, menus, serviceDays, users } from "@/db/schema";
import type { SessionUser } from "@/server/domain/actor";
import type {
  ListServiceDaysInput,
  ServiceDayOutput,
} from "@/lib/schemas/service-day";
import { serviceDayCostCents } from "@/server/domain/cost";
import { localToday, toHhMm } from "@/lib/dates";
import { idsPlaceholder, queryRows, sqlArray } from "@/db/rows";
import { preparedQuery } from "@/db/prepared";
import {
  describeSuggestion,
  suggestQuantity,
  SUGGESTION_HISTORY_DAYS,
} from "@/lib/suggested-quantity";
import { offeredOnly } from "@/lib/diets";
import { DomainError } from "@/server/domain/errors";
import { serviceDayActionsForViewer } from "@/server/domain/viewer-permissions";
import { ownSideOf, partyOf } from "@/server/services/contracts/views";
import { byRequestedId } from "./load";
import { pricePeriodCovers } from "@/server/services/contracts/prices";
import { deliveryInstant } from "@/server/domain/deadline";
import { requestChangeRefusal } from "@/server/domain/late-change";
import { isOpenForCount } from "@/server/domain/service-day-state";

/** The same contract's day a week earlier: its diet split is the suggestion for an unconfirmed day. */
const weekBefore = alias(serviceDays, "week_before");

/**
 * The latest served counts (newest first, at most 8) of each (contract, weekday) asked for: one
 * query, each pair reading its contract's days newest first through the (contract_id,
 * service_date) index. Keyed `contractId|dayOfWeek`.
 */
async function servedHistory(
  db: DbOrTx,
  pairs: { contractId: string; dayOfWeek: number }[],
): Promise<Map<string, number[]>> {
  const unique = [
    ...new Map(
      pairs.map((p) => [`${p.contractId}|${p.dayOfWeek}`, p]),
    ).values(),
  ];
  const out = new Map<string, number[]>();
  if (unique.length === 0) return out;
  const rows = await queryRows<{
    contract_id: string;
    day_of_week: number;
    served_quantity: number;
  }>(
    db,
    sql`
      select p.contract_id, p.day_of_week, h.served_quantity
      from unnest(
        ${sqlArray(unique.map((p) => p.contractId), "uuid")},
        ${sqlArray(unique.map((p) => p.dayOfWeek), "int")}
      ) as p(contract_id, day_of_week)
      cross join lateral (
        select sd.served_quantity, sd.service_date from service_days sd
        where sd.contract_id = p.contract_id and sd.day_of_week = p.day_of_week and sd.served_quantity is not null
        order by sd.service_date desc
        limit ${SUGGESTION_HISTORY_DAYS}
      ) h
      order by p.contract_id, p.day_of_week, h.service_date desc`,
  );
  for (const r of rows) {
    const key = `${r.contract_id}|${Number(r.day_of_week)}`;
    const served = out.get(key);
    if (served) served.push(Number(r.served_quantity));
    else out.set(key, [Number(r.served_quantity)]);
  }
  return out;
}

/**
 * Which days to load: `where` may use placeholders, filled from `values` (the viewer's company
 * is the placeholder `viewer`); `shape` names the query's fixed form, so the query is built once
 * per database and only executed afterwards.
 * The days are those of the viewer's own side of its contracts (ownSideOf), so the shape is
 * built once per side.
 */
type DayFilter = {
  shape: string;
  where: SQL | undefined;
  values: Record<string, unknown>;
};

function withoutKeys<T extends object, K extends keyof T>(
  object: T,
  keys: readonly K[],
): Omit<T, K> {
  const rest = { ...object };
  for (const key of keys) delete rest[key];
  return rest;
}

/**
 * The columns the view shows or its rules read, not whole rows: a list maps every selected
 * column of every row, and the two tables have 71 between them.
 */
const viewDayColumns = withoutKeys(getTableColumns(serviceDays), [
  "servedQuantityConfirmerId",
  "disputedById",
  "disputeResolvedById",
  "servedCorrectedById",
  "changeRequestedById",
  "changeAnsweredById",
  "reminderSentAt",
  "cancelledAt",
  "createdAt",
  "updatedAt",
]);
const viewContractColumns = {
  id: contracts.id,
  status: contracts.status,
  cateringId: contracts.cateringId,
  clientId: contracts.clientId,
  minDailyQuantity: contracts.minDailyQuantity,
  maxQuantity: contracts.maxQuantity,
  pricePerMealCents: contracts.pricePerMealCents,
  currency: contracts.currency,
  deliveryTime: contracts.deliveryTime,
  dietOptions: contracts.dietOptions,
};

/**
 * Who did something, by email, read only where someone did: CASE skips the lookup on a null id,
 * so the days without a late change (nearly all) cost nothing.
 */
const userEmail = (id: AnyPgColumn) =>
  sql<string | null>`case when ${id} is null then null else (select ${users.email} from ${users} where ${users.id} = ${id}) end`;

/** The view's rows, by date then client; `lock`: by id (the lock order) and locked FOR UPDATE. */
function viewRowsQuery(handle: DbOrTx, viewer: SessionUser, where: SQL | undefined, lock: boolean) {
  const base = handle
    .select({
      day: viewDayColumns,
      contract: viewContractColumns,
      cateringName: caterer.name,
      clientName: client.name,
      clientTimeZone: client.timezone,
      weekBeforeDiets: weekBefore.diets,
      dishes: menus.dishes,
      /** The price in force on the day (its period); the contract's own price where none covers it. */
      periodPrice: contractPrices.pricePerMealCents,
      changeRequestedBy: userEmail(serviceDays.changeRequestedById),
      changeAnsweredBy: userEmail(serviceDays.changeAnsweredById),
    })
    .from(serviceDays)
    .innerJoin(contracts, eq(contracts.id, serviceDays.contractId))
    .innerJoin(caterer, eq(caterer.id, contracts.cateringId))
    .innerJoin(client, eq(client.id, contracts.clientId))
    .leftJoin(
      menus,
      and(
        eq(menus.contractId, serviceDays.contractId),
        eq(menus.serviceDate, serviceDays.serviceDate),
      ),
    )
    .leftJoin(contractPrices, pricePeriodCovers(serviceDays.contractId, serviceDays.serviceDate))
    .leftJoin(
      weekBefore,
      and(
        eq(weekBefore.contractId, serviceDays.contractId),
        eq(weekBefore.serviceDate, sql`${serviceDays.serviceDate} - 7`),
        ne(weekBefore.status, "CANCELLED"),
      ),
    )
    .where(
      and(ownSideOf(viewer.companyType, sql.placeholder("viewer")), where),
    );
  return lock
    ? base
        .orderBy(asc(serviceDays.id))
        .for("update", { of: serviceDays })
        .prepare("service_day_views_locked")
    : base
        .orderBy(
          asc(serviceDays.serviceDate),
          asc(client.name),
          asc(serviceDays.id),
        )
        .prepare("service_day_views");
}

export type ServiceDayViewRow = Awaited<
  ReturnType<ReturnType<typeof viewRowsQuery>["execute"]>
>[number];

async function loadServiceDayViews(
  db: DbOrTx,
  viewer: SessionUser,
  filter: DayFilter,
  now: Date,
) {
  const query = preparedQuery(
    db,
    `service_day_views:${viewer.companyType}:${filter.shape}`,
    (handle) => viewRowsQuery(handle, viewer, filter.where, false),
  );
  const rows = await query.execute({
    viewer: viewer.companyId,
    ...filter.values,
  });
  return toServiceDayViews(
    rows,
    await loadViewExtras(db, rows, now),
    viewer,
    now,
  );
}

/**
 * Locks the given days (in id order) where the viewer's company is its side of the day's
 * contract, read as the view reads them, so a mutation can answer from them without reading
 * them again. NOT_FOUND like lockServiceDays.
 */
export async function lockServiceDayViewRows(
  tx: Transaction,
  viewer: SessionUser,
  ids: string[],
): Promise<Map<string, ServiceDayViewRow>> {
  const byIds = idsPlaceholder(serviceDays.id, ids);
  const query = preparedQuery(
    tx,
    `service_day_views_locked:${viewer.companyType}:${byIds.shape}`,
    (handle) => viewRowsQuery(handle, viewer, byIds.where, true),
  );
  const rows = await query.execute({
    viewer: viewer.companyId,
    ids: byIds.ids,
  });
  return byRequestedId(ids, rows);
}

const isOpenAt = (d: ServiceDayViewRow["day"], now: Date) =>
  isOpenForCount({ status: d.status, deadline: d.confirmationDeadline }, now);

/** What the view needs besides the rows: the open days' served history (for the suggestion). */
export async function loadViewExtras(
  db: DbOrTx,
  rows: readonly ServiceDayViewRow[],
  now: Date,
) {
  const history = await servedHistory(
    db,
    rows
      .filter((r) => isOpenAt(r.day, now))
      .map((r) => ({
        contractId: r.contract.id,
        dayOfWeek: r.day.dayOfWeek,
      })),
  );
  return { history };
}
export type ViewExtras = Awaited<ReturnType<typeof loadViewExtras>>;

/** The rows as the viewer sees them (pure: no I/O). */
export function toServiceDayViews(
  rows: readonly ServiceDayViewRow[],
  { history }: ViewExtras,
  viewer: SessionUser,
  now: Date,
): ServiceDayOutput[] {
  // One "today" per client zone, not per row.
  const todayIn = new Map<string, string>();
  const clientToday = (zone: string) =>
    todayIn.get(zone) ?? todayIn.set(zone, localToday(now, zone)).get(zone)!;
  const isOpen = (d: ServiceDayViewRow["day"]) => isOpenAt(d, now);

  return rows.map(
    ({
      day: d,
      contract: c,
      cateringName,
      clientName,
      clientTimeZone,
      weekBeforeDiets,
      dishes,
      periodPrice,
      changeRequestedBy,
      changeAnsweredBy,
    }): ServiceDayOutput => {
      const pricePerMealCents = periodPrice ?? c.pricePerMealCents;
      const cost = serviceDayCostCents({
        status: d.status,
        expectedQuantity: d.expectedQuantity,
        servedQuantity: d.servedQuantity,
        pricePerMealCents,
      });
      const actions = serviceDayActionsForViewer(
        {
          status: d.status,
          contractStatus: c.status,
          serviceDate: d.serviceDate,
          clientToday: clientToday(clientTimeZone),
          deadline: d.confirmationDeadline,
          now,
          servedConfirmedAt: d.servedQuantityConfirmedAt,
        },
        viewer,
      );
      const servedCounts = isOpen(d)
        ? (history.get(`${c.id}|${d.dayOfWeek}`) ?? [])
        : [];
      const suggestedQuantity = suggestQuantity({
        servedCounts,
        min: c.minDailyQuantity,
        max: c.maxQuantity,
      });
      return {
        id: d.id,
        contractId: c.id,
        contractStatus: c.status,
        serviceDate: d.serviceDate,
        dayOfWeek: d.dayOfWeek,
        status: d.status,
        expectedQuantity: d.expectedQuantity,
        diets: d.diets,
        dietOptions: c.dietOptions,
        suggestedDiets:
          d.status === "PENDING" &&
          d.expectedQuantityConfirmedAt === null &&
          weekBeforeDiets
            ? offeredOnly(weekBeforeDiets, c.dietOptions)
            : null,
        suggestedQuantity,
        suggestedQuantityReason:
          suggestedQuantity === null
            ? null
            : describeSuggestion({
                servedCounts,
                dayOfWeek: d.dayOfWeek,
                suggested: suggestedQuantity,
              }),
        menu: dishes ?? [],
        expectedQuantityConfirmedAt: d.expectedQuantityConfirmedAt,
        expectedAutoLocked:
          d.expectedQuantityConfirmedAt !== null &&
          d.expectedQuantityConfirmerId === null,
        servedQuantity: d.servedQuantity,
        servedQuantityConfirmedAt: d.servedQuantityConfirmedAt,
        originalServedQuantity: d.originalServedQuantity,
        servedCorrectionNote: d.servedCorrectionNote,
        servedCorrectedAt: d.servedCorrectedAt,
        disputeReason: d.disputeReason,
        disputedAt: d.disputedAt,
        disputeResolutionNote: d.disputeResolutionNote,
        disputeResolvedAt: d.disputeResolvedAt,
        cancellationReason: d.cancellationReason,
        minDailyQuantity: c.minDailyQuantity,
        maxQuantity: c.maxQuantity,
        pricePerMealCents,
        currency: c.currency,
        deadline: d.confirmationDeadline,
        cateringId: c.cateringId,
        cateringName,
        clientId: c.clientId,
        clientName,
        clientTimeZone,
        costCents: cost.cents,
        costIsEstimate: cost.isEstimate,
        ...actions,
        ...lateChangeView(d, c, clientTimeZone, viewer, now, { requestedBy: changeRequestedBy, answeredBy: changeAnsweredBy }),
      };
    },
  );
}

type DayRow = ServiceDayViewRow["day"];
type ContractRow = ServiceDayViewRow["contract"];

/** A day's late change request and what the viewer may do about it (the same rule the mutations use). */
function lateChangeView(
  d: DayRow,
  c: ContractRow,
  clientTimeZone: string,
  viewer: SessionUser,
  now: Date,
  who: { requestedBy: string | null; answeredBy: string | null },
) {
  const open = d.changeRequestedAt !== null && d.changeOutcome === null;
  const confirmer = viewer.role === "ADMIN" || viewer.role === "MANAGER";
  const canRequestChange =
    viewer.companyType === "CLIENT" &&
    confirmer &&
    requestChangeRefusal({
      status: d.status,
      contractStatus: c.status,
      deadline: d.confirmationDeadline,
      deliveryAt: () =>
        deliveryInstant(
          d.serviceDate,
          toHhMm(c.deliveryTime),
          clientTimeZone,
        ).toJSDate(),
      now,
      openRequest: open,
    }) === null;
  return {
    changeRequest:
      d.changeRequestedAt === null
        ? null
        : {
            quantity: d.changeRequestedQuantity ?? d.expectedQuantity,
            diets: d.changeRequestedDiets ?? {},
            previousQuantity: d.changePreviousQuantity ?? d.expectedQuantity,
            reason: d.changeReason ?? "",
            requestedAt: d.changeRequestedAt,
            requestedByEmail: who.requestedBy,
            outcome: (d.changeOutcome ?? "OPEN") as
              "OPEN" | "ACCEPTED" | "DECLINED" | "CLOSED",
            answeredAt: d.changeAnsweredAt,
            answeredByEmail: who.answeredBy,
            note: d.changeAnswerNote,
          },
    lateRemovedMeals: d.lateRemovedMeals,
    canRequestChange,
    canAnswerChange: viewer.companyType === "CATERING" && confirmer && open,
  };
}

/**
 * The viewer's service days between two dates (inclusive), for one contract or all of its
 * contracts. A contract the viewer is not a party to is NOT_FOUND, like a missing one.
 */
export async function listServiceDays(
  db: DbOrTx,
  viewer: SessionUser,
  input: ListServiceDaysInput & { now: Date },
): Promise<ServiceDayOutput[]> {
  const { contractId, from, to, status, now } = input;
  const where = and(
    gte(serviceDays.serviceDate, sql.placeholder("from")),
    lte(serviceDays.serviceDate, sql.placeholder("to")),
    contractId
      ? eq(serviceDays.contractId, sql.placeholder("contractId"))
      : undefined,
    status ? eq(serviceDays.status, sql.placeholder("status")) : undefined,
  );
  const shape = `${contractId ? "contract" : "all"}:${status ? "status" : "any"}`;
  // The days are read with the visibility check, not after it: the view is scoped to the
  // viewer's side on its own, and the check only tells "no such contract" from "no days".
  const [visible, views] = await allQueries([
    contractId ? isVisibleContract(db, viewer, contractId) : true,
    loadServiceDayViews(
      db,
      viewer,
      { shape, where, values: { from, to, contractId, status } },
      now,
    ),
  ]);
  if (!visible) throw new DomainError("NOT_FOUND", "Contract not found.");
  return views;
}

async function isVisibleContract(
  db: DbOrTx,
  viewer: SessionUser,
  contractId: string,
): Promise<boolean> {
  const visibleContract = preparedQuery(db, "visible_contract", (handle) =>
    handle
      .select({ id: contracts.id })
      .from(contracts)
      .where(
        and(
          eq(contracts.id, sql.placeholder("contractId")),
          partyOf(sql.placeholder("viewer")),
        ),
      )
      .prepare("visible_contract"),
  );
  const rows = await visibleContract.execute({
    contractId,
    viewer: viewer.companyId,
  });
  return rows.length > 0;
}

/** The given days as the viewer sees them, in the order of `ids` (after a mutation). */
export async function getServiceDays(
  db: DbOrTx,
  viewer: SessionUser,
  ids: string[],
  now: Date,
) {
  const byIds = idsPlaceholder(serviceDays.id, ids);
  const views = await loadServiceDayViews(
    db,
    viewer,
    {
      shape: `ids:${byIds.shape}`,
      where: byIds.where,
      values: { ids: byIds.ids },
    },
    now,
  );
  const byId = new Map(views.map((v) => [v.id, v]));
  return ids.map((id) => {
    const view = byId.get(id);
    if (!view) throw new DomainError("NOT_FOUND", "Service day not found.");
    return view;
  });
}
