import { caterer, client } from '@/server/services/party-aliases';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { allQueries } from '@/db/concurrent';
import type { DbOrTx } from '@/db/types';
import {
  cateringProfiles,
  companies,
  contractPrices,
  contracts,
  serviceDays,
  statementCounters,
  statementItems,
  statements,
} from '@/db/schema';
import { addDays, localToday } from '@/lib/dates';
import type { StatementStatus } from '@/lib/enums';
import type { StatementContent, StatementOutput, StatementSummary } from '@/lib/schemas/statement';
import type { SessionUser } from '@/server/domain/actor';
import { DomainError } from '@/server/domain/errors';
import { buildStatement, monthRange, statementNumber, type StatementDay } from '@/server/domain/statement';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import { pricePeriodCovers } from '@/server/services/contracts/prices';
import { isUniqueViolation } from '@/server/services/db-errors';
import { DEFAULT_STATEMENT_PREFIX } from '@/lib/limits';

type StatementRow = typeof statements.$inferSelect;

/** How far back a statement looks for days left unbilled (excluded, settled late). */
const LOOKBACK_DAYS = 400;

/** The statement the viewer's company is a party to (a client: issued ones only); NOT_FOUND otherwise. */
function visibleTo(viewer: SessionUser): SQL {
  return viewer.companyType === 'CATERING'
    ? eq(statements.cateringId, viewer.companyId)
    : and(eq(statements.clientId, viewer.companyId), inArray(statements.status, ['ISSUED', 'PAID']))!;
}

/** The days of the pair's contracts up to the month's end, each with the price in force on its date. */
async function statementDays(db: DbOrTx, row: Pick<StatementRow, 'cateringId' | 'clientId' | 'month'>): Promise<StatementDay[]> {
  const { to } = monthRange(row.month);
  const days = await db
    .select({
      serviceDayId: serviceDays.id,
      contractId: serviceDays.contractId,
      serviceDate: serviceDays.serviceDate,
      status: serviceDays.status,
      servedQuantity: serviceDays.servedQuantity,
      pricePerMealCents: contractPrices.pricePerMealCents,
      periodFrom: contractPrices.validFrom,
      currency: contracts.currency,
      lateRemovedMeals: serviceDays.lateRemovedMeals,
      lateChargePercent: contracts.lateReductionChargePercent,
    })
    .from(serviceDays)
    .innerJoin(contracts, eq(contracts.id, serviceDays.contractId))
    .innerJoin(contractPrices, pricePeriodCovers(serviceDays.contractId, serviceDays.serviceDate))
    .where(
      and(
        eq(contracts.cateringId, row.cateringId),
        eq(contracts.clientId, row.clientId),
        sql`${serviceDays.serviceDate} between ${addDays(to, -LOOKBACK_DAYS)}::date and ${to}::date`,
      ),
    )
    .orderBy(asc(serviceDays.serviceDate), asc(serviceDays.id));
  return days;
}

/** What issued statements have billed per day so far. */
async function billedSoFar(db: DbOrTx, dayIds: string[]) {
  if (dayIds.length === 0) return [];
  const rows = await db
    .select({
      serviceDayId: statementItems.serviceDayId,
      quantity: sql<number>`sum(${statementItems.quantity})::int`,
      netCents: sql<number>`sum(${statementItems.netCents})::bigint`,
    })
    .from(statementItems)
    .innerJoin(statements, eq(statements.id, statementItems.statementId))
    .where(and(inArray(statementItems.serviceDayId, dayIds), inArray(statements.status, ['ISSUED', 'PAID'])))
    .groupBy(statementItems.serviceDayId);
  return rows.map((r) => ({ serviceDayId: r.serviceDayId, quantity: Number(r.quantity), netCents: Number(r.netCents) }));
}

async function billingSettingsOf(db: DbOrTx, cateringId: string): Promise<{ vatRateBasisPoints: number; statementPrefix: string; timezone: string }> {
  const [profile] = await db
    .select({ vatRateBasisPoints: cateringProfiles.vatRateBasisPoints, statementPrefix: cateringProfiles.statementPrefix, timezone: companies.timezone })
    .from(cateringProfiles)
    .innerJoin(companies, eq(companies.id, cateringProfiles.companyId))
    .where(eq(cateringProfiles.companyId, cateringId));
  return profile ?? { vatRateBasisPoints: 0, statementPrefix: DEFAULT_STATEMENT_PREFIX, timezone: 'UTC' };
}

/** A draft's content as it would be issued now (recomputed from the current rows). */
async function draftContent(db: DbOrTx, row: StatementRow, excluded?: ReadonlySet<string>): Promise<StatementContent> {
  const days = await statementDays(db, row);
  const billed = await billedSoFar(db, days.map((d) => d.serviceDayId));
  const { vatRateBasisPoints } = await billingSettingsOf(db, row.cateringId);
  return buildStatement({ month: row.month, vatRateBasisPoints, days, billed, excluded });
}

function contentOf(db: DbOrTx, row: StatementRow): Promise<StatementContent> {
  return row.status === 'DRAFT' || !row.content ? draftContent(db, row) : Promise.resolve(row.content);
}

async function loadRows(db: DbOrTx, viewer: SessionUser, filter: SQL | undefined) {
  return db
    .select({ statement: statements, cateringName: caterer.name, clientName: client.name })
    .from(statements)
    .innerJoin(caterer, eq(caterer.id, statements.cateringId))
    .innerJoin(client, eq(client.id, statements.clientId))
    .where(and(visibleTo(viewer), filter))
    .orderBy(desc(statements.month), asc(client.name), asc(statements.id));
}

type LoadedRow = Awaited<ReturnType<typeof loadRows>>[number];

function summaryOf({ statement: s, cateringName, clientName }: LoadedRow, content: StatementContent): StatementSummary {
  return {
    id: s.id,
    status: s.status,
    number: s.number,
    month: s.month,
    cateringId: s.cateringId,
    cateringName,
    clientId: s.clientId,
    clientName,
    issuedAt: s.issuedAt,
    paidOn: s.paidOn,
    totals: content.totals,
  };
}

export async function listStatements(
  db: DbOrTx,
  viewer: SessionUser,
  input?: { status?: StatementStatus; clientId?: string },
): Promise<StatementSummary[]> {
  const rows = await loadRows(
    db,
    viewer,
    and(input?.status ? eq(statements.status, input.status) : undefined, input?.clientId ? eq(statements.clientId, input.clientId) : undefined),
  );
  // Drafts are recomputed; all of them at once, and none is left running if one fails.
  const contents = await allQueries(rows.map((row) => contentOf(db, row.statement)));
  return rows.map((row, i) => summaryOf(row, contents[i]!));
}

export async function getStatement(db: DbOrTx, viewer: SessionUser, id: string): Promise<StatementOutput> {
  const [row] = await loadRows(db, viewer, eq(statements.id, id));
  if (!row) throw new DomainError('NOT_FOUND', 'Statement not found.');
  const content = await contentOf(db, row.statement);
  const contractIds = [...new Set([...content.lines.map((l) => l.contractId), ...content.blocking.map((b) => b.contractId)])];
  const printed =
    contractIds.length === 0
      ? []
      : await db
          .select({
            id: contracts.id,
            poNumber: contracts.poNumber,
            costCenter: contracts.costCenter,
            startDate: contracts.startDate,
            endDate: contracts.endDate,
          })
          .from(contracts)
          .where(inArray(contracts.id, contractIds))
          .orderBy(asc(contracts.startDate), asc(contracts.id));
  const admin = viewer.companyType === 'CATERING' && viewer.role === 'ADMIN';
  const { status } = row.statement;
  return {
    ...summaryOf(row, content),
    content,
    contracts: printed,
    canIssue: admin && status === 'DRAFT' && content.lines.length > 0,
    canMarkPaid: admin && status === 'ISSUED',
  };
}

/**
 * The caterer's ADMIN opens the statement of a client and month (DRAFT). The client must be
 * one the caterer has contracts with; one statement per client and month.
 */
export async function createStatement(
  db: DbOrTx,
  actor: SessionUser,
  input: { clientId: string; month: string; now: Date },
): Promise<StatementOutput> {
  const [contract] = await db
    .select({ id: contracts.id, timezone: companies.timezone })
    .from(contracts)
    .innerJoin(companies, eq(companies.id, contracts.cateringId))
    .where(and(eq(contracts.cateringId, actor.companyId), eq(contracts.clientId, input.clientId)))
    .limit(1);
  if (!contract) throw new DomainError('NOT_FOUND', 'No contract with this client.', 'clientId');
  const thisMonth = localToday(input.now, contract.timezone).slice(0, 7);
  if (input.month > thisMonth) {
    throw new DomainError('BAD_REQUEST', `A statement can be made for ${thisMonth} or an earlier month.`, 'month');
  }
  try {
    const [row] = await db
      .insert(statements)
      .values({ cateringId: actor.companyId, clientId: input.clientId, month: input.month, createdById: actor.userId })
      .returning({ id: statements.id });
    return getStatement(db, actor, row!.id);
  } catch (error) {
    if (isUniqueViolation(error, 'statements_client_month_unique')) {
      throw new DomainError('CONFLICT', 'There already is a statement for this client and month.', 'month');
    }
    throw error;
  }
}

/** Locks one of the caterer's own statements; anyone else's is NOT_FOUND. */
async function lockOwnStatement(db: DbOrTx, actor: SessionUser, id: string): Promise<StatementRow> {
  const [row] = await db
    .select()
    .from(statements)
    .where(and(eq(statements.id, id), eq(statements.cateringId, actor.companyId)))
    .for('update');
  if (!row) throw new DomainError('NOT_FOUND', 'Statement not found.');
  return row;
}

/**
 * Issues a draft: no unsettled day may be left unless excluded on purpose; the statement takes
 * the next number of the caterer's sequence for the year (the counter row is incremented and so
 * locked by this transaction: concurrent issues wait, and a rollback gives the number back, so
 * numbers have no gaps), its content is frozen, what it bills per day is recorded (so a later
 * change shows up as a correction on the next statement) and the client is told.
 */
export async function issueStatement(
  db: DbOrTx,
  actor: SessionUser,
  input: { id: string; excludeServiceDayIds?: string[]; now: Date },
): Promise<StatementOutput> {
  await db.transaction(async (tx) => {
    const row = await lockOwnStatement(tx, actor, input.id);
    if (row.status !== 'DRAFT') throw new DomainError('CONFLICT', `Statement ${row.number} is already issued.`);
    // The pair's days are locked too, so a count cannot change between computing and freezing.
    await tx.execute(sql`select 1 from service_days sd join contracts c on c.id = sd.contract_id
      where c.catering_id = ${row.cateringId} and c.client_id = ${row.clientId} and sd.service_date <= ${monthRange(row.month).to}::date
        and sd.service_date >= ${addDays(monthRange(row.month).to, -LOOKBACK_DAYS)}::date for update of sd`);
    const content = await draftContent(tx, row, new Set(input.excludeServiceDayIds ?? []));
    if (content.blocking.length > 0) {
      const dates = content.blocking.map((b) => b.serviceDate).join(', ');
      throw new DomainError(
        'PRECONDITION_FAILED',
        `${content.blocking.length === 1 ? 'One day is' : `${content.blocking.length} days are`} not settled yet (${dates}): confirm what was served or resolve the dispute, or leave ${content.blocking.length === 1 ? 'it' : 'them'} off this statement.`,
      );
    }
    if (content.lines.length === 0) throw new DomainError('PRECONDITION_FAILED', 'There is nothing to bill on this statement.');
    const { statementPrefix, timezone } = await billingSettingsOf(tx, row.cateringId);
    // The year on the number is the caterer's own: issued at 00:30 on 1 January in Warsaw it is
    // the new year's sequence, although it is still 31 December in UTC.
    const year = Number(localToday(input.now, timezone).slice(0, 4));
    const [counter] = await tx
      .insert(statementCounters)
      .values({ cateringId: row.cateringId, year, lastNumber: 1 })
      .onConflictDoUpdate({
        target: [statementCounters.cateringId, statementCounters.year],
        set: { lastNumber: sql`${statementCounters.lastNumber} + 1` },
      })
      .returning({ lastNumber: statementCounters.lastNumber });
    const number = statementNumber(statementPrefix, year, counter!.lastNumber);
    await tx
      .update(statements)
      .set({ status: 'ISSUED', number, content, issuedAt: input.now, issuedById: actor.userId })
      .where(eq(statements.id, row.id));
    await tx.insert(statementItems).values(
      content.items.map((item) => ({
        statementId: row.id,
        serviceDayId: item.serviceDayId,
        contractId: item.contractId,
        quantity: item.quantity,
        pricePerMealCents: item.pricePerMealCents,
        netCents: item.netCents,
      })),
    );
    await enqueueOutboxEvent(tx, {
      type: 'statement.issued',
      aggregateId: row.id,
      payload: {
        cateringId: row.cateringId,
        clientId: row.clientId,
        actorCompanyId: actor.companyId,
        actorUserId: actor.userId,
        statementId: row.id,
        number,
        month: row.month,
        totals: content.totals.map((t) => ({ currency: t.currency, grossCents: t.grossCents })),
      },
    });
  });
  return getStatement(db, actor, input.id);
}

/** The caterer's ADMIN records the payment of an issued statement. */
export async function markStatementPaid(db: DbOrTx, actor: SessionUser, input: { id: string; paidOn: string }): Promise<StatementOutput> {
  await db.transaction(async (tx) => {
    const row = await lockOwnStatement(tx, actor, input.id);
    if (row.status !== 'ISSUED') {
      throw new DomainError('CONFLICT', row.status === 'PAID' ? 'This statement is already paid.' : 'Issue the statement before recording its payment.');
    }
    if (row.issuedAt && input.paidOn < row.issuedAt.toISOString().slice(0, 10)) {
      throw new DomainError('BAD_REQUEST', 'The payment date cannot be before the statement was issued.', 'paidOn');
    }
    await tx.update(statements).set({ status: 'PAID', paidOn: input.paidOn, paidById: actor.userId }).where(eq(statements.id, row.id));
  });
  return getStatement(db, actor, input.id);
}
