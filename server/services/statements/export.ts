import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies } from '@/db/schema';
import {
  formatContractReference,
  formatCount,
  formatDate,
  formatInstant,
  formatMoney,
  formatMonth,
  formatStatementLineDates,
  formatVatRate,
} from '@/lib/format';
import { uuidSchema } from '@/lib/schemas/common';
import type { StatementOutput } from '@/lib/schemas/statement';
import type { SessionUser } from '@/server/domain/actor';
import { centsToDecimal, csvRow } from '@/server/domain/csv';
import { DomainError } from '@/server/domain/errors';
import { heading, mutedText, renderPdf, table } from '@/server/pdf';
import { getStatement } from './statements';

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

function labels(statement: StatementOutput): (contractId: string) => string {
  const byId = new Map(statement.contracts.map((c) => [c.id, c]));
  return (id) => {
    const c = byId.get(id);
    return c ? formatContractReference(c) : 'Contract';
  };
}

/** The issued statement as an A4 PDF: both parties, number, dates, lines and totals per currency. */
export function statementPdf(statement: StatementOutput, timeZone: string): Promise<Buffer> {
  const contract = labels(statement);
  const { content } = statement;
  return renderPdf(
    (doc) => {
      heading(doc, `Statement ${statement.number}`, 18);
      doc.fontSize(10).text(`From: ${statement.cateringName}`);
      doc.text(`To: ${statement.clientName}`);
      doc.text(`Period: ${formatMonth(statement.month)}`);
      if (statement.issuedAt) doc.text(`Issued: ${formatInstant(statement.issuedAt, timeZone)}`);
      if (statement.paidOn) doc.text(`Paid: ${formatDate(statement.paidOn)}`);
      doc.moveDown();
      table(
        doc,
        [
          { header: 'Contract', weight: 4 },
          { header: 'Days', weight: 3 },
          { header: 'Meals', weight: 1.2, align: 'right' },
          { header: 'Price', weight: 1.6, align: 'right' },
          { header: 'Net', weight: 2, align: 'right' },
          { header: `VAT ${formatVatRate(content.vatRateBasisPoints)}`, weight: 1.8, align: 'right' },
          { header: 'Gross', weight: 2, align: 'right' },
        ],
        [
          ...content.lines.map((l) => [
            contract(l.contractId),
            `${formatStatementLineDates(l)} (${l.days})`,
            formatCount(l.meals),
            formatMoney(l.pricePerMealCents, l.currency),
            formatMoney(l.netCents, l.currency),
            formatMoney(l.vatCents, l.currency),
            formatMoney(l.grossCents, l.currency),
          ]),
          ...content.totals.map((t) => [
            `Total ${t.currency}`,
            '',
            '',
            '',
            formatMoney(t.netCents, t.currency),
            formatMoney(t.vatCents, t.currency),
            formatMoney(t.grossCents, t.currency),
          ]),
        ],
        { boldRow: (i) => i >= content.lines.length },
      );
      mutedText(doc, 'VAT is rounded half-up on each line; the totals are the sums of the lines.');
    },
    { title: `Statement ${statement.number}` },
  );
}

export const STATEMENT_CSV_HEADER = ['Statement', 'Month', 'Caterer', 'Client', 'Contract', 'Kind', 'First date', 'Last date', 'Days', 'Meals', 'Price per meal', 'Net', 'VAT', 'Gross', 'Currency'] as const;

/** The issued statement's lines as CSV (one row per line; formula-safe like every export). */
export function statementCsv(statement: StatementOutput): string {
  const contract = labels(statement);
  const rows = statement.content.lines.map((l) =>
    csvRow([
      statement.number,
      statement.month,
      statement.cateringName,
      statement.clientName,
      contract(l.contractId),
      l.kind,
      l.firstDate,
      l.lastDate,
      l.days,
      l.meals,
      centsToDecimal(l.pricePerMealCents),
      centsToDecimal(l.netCents),
      centsToDecimal(l.vatCents),
      centsToDecimal(l.grossCents),
      l.currency,
    ]),
  );
  return '\uFEFF' + csvRow(STATEMENT_CSV_HEADER) + rows.join('');
}

/**
 * GET /api/export/statements/<id>.pdf | .csv as a function of its inputs: 401 signed out, 404
 * for a bad id, another company's statement or a client's view of a draft, 409 for a draft
 * (a draft is not a document yet), else the file.
 */
export async function exportStatement(db: DbOrTx, session: SessionUser | null, file: string): Promise<Response> {
  if (!session) return plain(401, 'Please sign in to download this file.');
  const match = /^(.+)\.(pdf|csv)$/.exec(file);
  if (!match || !uuidSchema.safeParse(match[1]).success) return plain(404, 'Statement not found.');
  let statement: StatementOutput;
  try {
    statement = await getStatement(db, session, match[1]!);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return plain(404, 'Statement not found.');
    throw error;
  }
  if (statement.status === 'DRAFT') return plain(409, 'Issue the statement first: a draft is not a document yet.');
  const name = `statement-${statement.number}`;
  if (match[2] === 'csv') {
    return new Response(statementCsv(statement), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"`, 'Cache-Control': 'no-store' },
    });
  }
  // Times on the document are in the reader's company zone.
  const [company] = await db.select({ timezone: companies.timezone }).from(companies).where(eq(companies.id, session.companyId));
  const pdf = await statementPdf(statement, company?.timezone ?? 'UTC');
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${name}.pdf"`, 'Cache-Control': 'no-store' },
  });
}
