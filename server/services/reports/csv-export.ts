import { and, asc, eq, gt, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { contractPrices, serviceDays } from '@/db/schema';
import { pricePeriodCovers } from '@/server/services/contracts/prices';
import type { SessionUser } from '@/server/domain/actor';
import { exportServiceDaysInput } from '@/lib/schemas/report';
import { serviceDayCostCents } from '@/server/domain/cost';
import { centsToDecimal, csvRow, type CsvValue } from '@/server/domain/csv';
import { DomainError } from '@/server/domain/errors';
import { logger } from '@/server/logger';
import { loadReportContract, type ReportContract } from './report-contract';

/** Rows fetched per round trip while streaming, so a long range never sits in memory at once. */
export const CSV_PAGE_SIZE = 500;

export const CSV_HEADER = [
  'Date',
  'Caterer',
  'Client',
  'Status',
  'Expected meals',
  'Served meals',
  'Original served meals',
  'Price per meal',
  'Cost',
  'Cost is estimate',
  'Currency',
  'Dispute reason',
  'Resolution note',
] as const;

// A byte order mark lets spreadsheet programs read the UTF-8 names (ą, é, ß…) correctly.
const BOM = '\uFEFF';

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

type DayRow = Awaited<ReturnType<typeof loadPage>>[number];

/** One page of days: from `from` on the first page, then strictly after the last date sent. */
function loadPage(db: DbOrTx, contractId: string, cursor: { from: string } | { after: string }, to: string, pageSize: number) {
  const start = 'after' in cursor ? gt(serviceDays.serviceDate, cursor.after) : gte(serviceDays.serviceDate, cursor.from);
  return db
    .select({
      serviceDate: serviceDays.serviceDate,
      status: serviceDays.status,
      expectedQuantity: serviceDays.expectedQuantity,
      servedQuantity: serviceDays.servedQuantity,
      originalServedQuantity: serviceDays.originalServedQuantity,
      disputeReason: serviceDays.disputeReason,
      disputeResolutionNote: serviceDays.disputeResolutionNote,
      pricePerMealCents: contractPrices.pricePerMealCents,
    })
    .from(serviceDays)
    .innerJoin(contractPrices, pricePeriodCovers(serviceDays.contractId, serviceDays.serviceDate))
    // Keyset paging on the (contract_id, service_date) unique index.
    .where(and(eq(serviceDays.contractId, contractId), start, lte(serviceDays.serviceDate, to)))
    .orderBy(asc(serviceDays.serviceDate))
    .limit(pageSize);
}

function recordOf(contract: ReportContract, day: DayRow): CsvValue[] {
  const cost = serviceDayCostCents(day);
  return [
    day.serviceDate,
    contract.cateringName,
    contract.clientName,
    day.status,
    day.expectedQuantity,
    day.servedQuantity,
    day.originalServedQuantity,
    centsToDecimal(day.pricePerMealCents),
    centsToDecimal(cost.cents),
    cost.isEstimate,
    contract.currency,
    day.disputeReason,
    day.disputeResolutionNote,
  ];
}

/** ASCII-only piece of a file name. */
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'contract';

/**
 * GET /api/export/service-days.csv?contractId=&from=&to= as a function of its inputs, so it is
 * testable without a server: 401 signed out, 400 bad input, 404 for a contract the company is
 * not a party to (like a missing one), else the days as CSV, streamed page by page.
 */
export async function exportServiceDaysCsv(
  db: DbOrTx,
  session: SessionUser | null,
  searchParams: URLSearchParams,
  options: { pageSize?: number } = {},
): Promise<Response> {
  if (!session) return plain(401, 'Please sign in to download this file.');
  const parsed = exportServiceDaysInput.safeParse({
    contractId: searchParams.get('contractId') ?? undefined,
    from: searchParams.get('from') ?? undefined,
    to: searchParams.get('to') ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return plain(400, `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'not valid'}`);
  }
  const { contractId, from, to } = parsed.data;
  let contract: ReportContract;
  try {
    contract = await loadReportContract(db, session, contractId);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return plain(404, 'Contract not found.');
    throw error;
  }

  const pageSize = options.pageSize ?? CSV_PAGE_SIZE;
  // The first page is read before answering: a failure there is a plain error status, never a
  // 200 whose download stops after the header.
  let page = await loadPage(db, contractId, { from }, to, pageSize);
  const encoder = new TextEncoder();
  const rows = (days: DayRow[]) => encoder.encode(days.map((day) => csvRow(recordOf(contract, day))).join(''));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvRow(CSV_HEADER)));
    },
    async pull(controller) {
      try {
        if (page.length > 0) controller.enqueue(rows(page));
        if (page.length < pageSize) {
          controller.close();
          return;
        }
        page = await loadPage(db, contractId, { after: page[page.length - 1]!.serviceDate }, to, pageSize);
      } catch (error) {
        logger.error('csv.export_failed', { contractId, message: String(error) });
        controller.error(error);
      }
    },
  });

  const filename = `service-days-${slug(contract.clientName)}-${from}-to-${to}.csv`;
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
