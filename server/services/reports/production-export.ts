import { DIETS, DIET_LABELS, PRODUCTION_STATUSES, PRODUCTION_STATUS_LABELS } from '@/lib/enums';
import { describeDietSplit } from '@/lib/diets';
import { formatCount, formatDate } from '@/lib/format';
import { describeDeliveryTime, describeMenu, describeSiteContact } from '@/lib/production-text';
import { productionInput, type ProductionOutput } from '@/lib/schemas/production';
import type { SessionUser } from '@/server/domain/actor';
import type { DbOrTx } from '@/db/types';
import { csvRow } from '@/server/domain/csv';
import { heading, mutedText, renderPdf, table } from '@/server/pdf';
import { productionReport } from './production';

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

function totalsLine(report: ProductionOutput): string {
  const { totals } = report;
  const byStatus = PRODUCTION_STATUSES.map((s) => `${PRODUCTION_STATUS_LABELS[s].toLowerCase()} ${formatCount(totals.byStatus[s] ?? 0)}`).join(', ');
  return `${formatCount(totals.meals)} meals = ${describeDietSplit(totals.meals, totals.diets)} — ${byStatus}`;
}

/** The production sheet as an A4 landscape PDF: one row per client, totals first (DejaVu prints Polish names). */
export function productionPdf(report: ProductionOutput): Promise<Buffer> {
  const title = `Production sheet — ${formatDate(report.date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}`;
  return renderPdf(
    (doc) => {
      heading(doc, title, 16);
      doc.fontSize(10).text(report.catererName);
      doc.text(`Total: ${totalsLine(report)}`);
      doc.moveDown(0.5);
      if (report.lines.length === 0) {
        mutedText(doc, 'No meals on this date.');
        return;
      }
      table(
        doc,
        [
          { header: 'Client', weight: 2.4 },
          { header: 'Delivery', weight: 2 },
          { header: 'Address and contact', weight: 3.4 },
          { header: 'Meals', weight: 0.9, align: 'right' },
          { header: 'Diets', weight: 2.6 },
          { header: 'Status', weight: 1.6 },
          { header: 'Menu', weight: 4.2 },
        ],
        report.lines.map((l) => [
          l.clientName,
          describeDeliveryTime(l.deliveryTime, l.clientTimeZone),
          [l.delivery.deliveryAddress, l.delivery.deliveryInstructions, describeSiteContact(l.delivery)].filter(Boolean).join('\n') || '—',
          formatCount(l.total),
          describeDietSplit(l.total, l.diets),
          PRODUCTION_STATUS_LABELS[l.status],
          describeMenu(l.menu),
        ]),
        { fontSize: 8 },
      );
      mutedText(doc, 'Delivery times are on each client’s clock. “Still open” counts may change until the client’s deadline.');
    },
    { title, layout: 'landscape' },
  );
}

export const PRODUCTION_CSV_HEADER = [
  'Date',
  'Client',
  'Delivery time',
  'Time zone',
  'Address',
  'Instructions',
  'Site contact',
  'Status',
  'Meals',
  'Standard',
  ...DIETS.map((d) => DIET_LABELS[d]),
  'Menu',
] as const;

/** One row per client, then a totals row (formula-safe like every export). */
export function productionCsv(report: ProductionOutput): string {
  const rows = report.lines.map((l) =>
    csvRow([
      report.date,
      l.clientName,
      l.deliveryTime,
      l.clientTimeZone,
      l.delivery.deliveryAddress,
      l.delivery.deliveryInstructions,
      describeSiteContact(l.delivery),
      PRODUCTION_STATUS_LABELS[l.status],
      l.total,
      l.standard,
      ...DIETS.map((d) => l.diets[d] ?? 0),
      describeMenu(l.menu, ' | '),
    ]),
  );
  const { totals } = report;
  const total = csvRow([report.date, 'Total', '', '', '', '', '', '', totals.meals, totals.standard, ...DIETS.map((d) => totals.diets[d] ?? 0), '']);
  return '\uFEFF' + csvRow(PRODUCTION_CSV_HEADER) + rows.join('') + total;
}

/**
 * GET /api/export/production.pdf|.csv?date=YYYY-MM-DD as a function of its inputs: 401 signed
 * out, 403 for a client company (the sheet is the caterer's), 400 for a bad date, else the file
 * of the caterer's own contracts only.
 */
export async function exportProduction(
  db: DbOrTx,
  session: SessionUser | null,
  format: 'pdf' | 'csv',
  params: URLSearchParams,
  now: Date,
): Promise<Response> {
  if (!session) return plain(401, 'Please sign in to download this file.');
  if (session.companyType !== 'CATERING') return plain(403, 'The production sheet is the caterer’s.');
  const parsed = productionInput.safeParse({ date: params.get('date') ?? '' });
  if (!parsed.success) return plain(400, 'Give the date as ?date=YYYY-MM-DD.');
  const report = await productionReport(db, session, { date: parsed.data.date, now });
  const name = `production-${report.date}`;
  if (format === 'csv') {
    return new Response(productionCsv(report), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"`, 'Cache-Control': 'no-store' },
    });
  }
  const pdf = await productionPdf(report);
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${name}.pdf"`, 'Cache-Control': 'no-store' },
  });
}
