import type { Metadata } from 'next';
import Link from 'next/link';
import { NewStatementForm } from '@/components/statements/new-statement-form';
import { Card, PageHeader } from '@/components/ui/card';
import { StatementStatusBadge } from '@/components/statements/statement-status';
import { formatMoney, formatMonth } from '@/lib/format';
import { addDays, localToday } from '@/lib/dates';
import { getServerCaller, getSignedInUser } from '@/server/api/server-caller';
import { isAgreedContract } from '@/lib/enums';

export const metadata: Metadata = { title: 'Statements' };

export default async function StatementsPage() {
  const api = await getServerCaller();
  const [company, session, statements] = await Promise.all([api.company.me(), getSignedInUser(), api.statement.list()]);
  const caterer = company.companyType === 'CATERING';
  const billing = caterer && session.role === 'ADMIN';
  const contracts = billing ? (await api.contract.list()).filter((c) => isAgreedContract(c.status)) : [];
  const clients = [...new Map(contracts.map((c) => [c.clientId, { id: c.clientId, name: c.clientName }])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  // Last month is what is usually billed.
  const lastMonth = addDays(`${localToday(new Date(), company.timezone).slice(0, 7)}-01`, -1).slice(0, 7);
  return (
    <>
      <PageHeader
        title="Statements"
        description={caterer ? 'Monthly statements to your clients: a draft follows the days until you issue it.' : 'Statements your caterers have issued to you.'}
      />
      {billing && clients.length > 0 && (
        <Card title="New statement" className="mb-4">
          <NewStatementForm clients={clients} month={lastMonth} />
        </Card>
      )}
      <Card>
        {statements.length === 0 ? (
          <p className="text-sm text-slate-700">{caterer ? 'No statements yet.' : 'No statements have been issued to you yet.'}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="statement-list">
            {statements.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link href={`/statements/${s.id}`} className="font-medium text-emerald-800 underline">
                    {s.number ?? 'Draft'} · {formatMonth(s.month)}
                  </Link>
                  <p className="text-sm text-slate-600">{caterer ? s.clientName : s.cateringName}</p>
                </div>
                <div className="flex items-center gap-3 text-right">
                  <span className="font-semibold tabular-nums">
                    {s.totals.map((t) => formatMoney(t.grossCents, t.currency)).join(' + ') || '—'}
                  </span>
                  <StatementStatusBadge status={s.status} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
