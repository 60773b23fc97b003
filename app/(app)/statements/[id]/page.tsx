import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StatementActions } from '@/components/statements/statement-actions';
import { StatementLines } from '@/components/statements/statement-lines';
import { StatementStatusBadge } from '@/components/statements/statement-status';
import { Card, PageHeader } from '@/components/ui/card';
import { formatContractReference, formatDate, formatInstant, formatMonth, formatVatRate } from '@/lib/format';
import { localToday } from '@/lib/dates';
import { uuidSchema } from '@/lib/schemas/common';
import { getServerCaller } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Statement' };

export default async function StatementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!uuidSchema.safeParse(id).success) notFound();
  const api = await getServerCaller();
  const [company, statement] = await Promise.all([api.company.me(), api.statement.get({ id }).catch(() => null)]);
  if (!statement) notFound();
  const contracts = new Map(statement.contracts.map((c) => [c.id, c]));
  const contractLabel = (contractId: string) => {
    const c = contracts.get(contractId);
    return c ? formatContractReference(c) : 'Contract';
  };
  const { content } = statement;
  return (
    <>
      <PageHeader
        title={`${statement.number ?? 'Draft statement'} · ${formatMonth(statement.month)}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatementStatusBadge status={statement.status} /> {statement.cateringName} → {statement.clientName}
            {statement.issuedAt && <span>· issued {formatInstant(statement.issuedAt, company.timezone)}</span>}
            {statement.paidOn && <span>· paid {formatDate(statement.paidOn)}</span>}
          </span>
        }
        actions={
          statement.status !== 'DRAFT' && (
            <span className="flex gap-3 text-sm">
              <a className="text-emerald-800 underline" href={`/api/export/statements/${statement.id}.pdf`}>
                Download PDF
              </a>
              <a className="text-emerald-800 underline" href={`/api/export/statements/${statement.id}.csv`}>
                CSV
              </a>
            </span>
          )
        }
      />
      <div className="space-y-4">
        {content.blocking.length > 0 && (
          <Card title="Days to settle first">
            <p className="mb-2 text-sm text-slate-700">
              These days have no served count yet or an open dispute. Settle each one, or leave them off this statement.
            </p>
            <ul className="space-y-1 text-sm" data-testid="blocking-days">
              {content.blocking.map((b) => (
                <li key={b.serviceDayId}>
                  <Link className="text-emerald-800 underline" href={`/service-days?contractId=${b.contractId}&from=${b.serviceDate}&to=${b.serviceDate}`}>
                    {formatDate(b.serviceDate)}
                  </Link>{' '}
                  <span className="text-slate-600">— {b.status === 'DISPUTED' ? 'disputed' : 'served count missing'}</span>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card title={`Lines (VAT ${formatVatRate(content.vatRateBasisPoints)}, rounded per line)`}>
          <StatementLines statement={statement} contractLabel={contractLabel} />
        </Card>
        <StatementActions statement={statement} today={localToday(new Date(), company.timezone)} />
      </div>
    </>
  );
}
