import type { Metadata } from 'next';
import Link from 'next/link';
import { ExpectedServedChart } from '@/components/charts/expected-served-chart';
import { ReportFilters } from '@/components/reports/report-filters';
import { ReportTable } from '@/components/reports/report-table';
import { Card, PageHeader } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { formatCount, formatDate, formatMoney } from '@/lib/format';
import { isValidDate, localToday, weekContaining } from '@/lib/dates';
import { weeklyReportInput } from '@/lib/schemas/report';
import { getServerCaller, getSignedInUser } from '@/server/api/server-caller';
import { isAgreedContract } from '@/lib/enums';

export const metadata: Metadata = { title: 'Reports' };

type Search = { contractId?: string; from?: string; to?: string };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const api = await getServerCaller();
  const [company, contracts, session] = await Promise.all([api.company.me(), api.contract.list().then((all) => all.filter((c) => isAgreedContract(c.status))), getSignedInUser()]);
  const counterpart = (c: (typeof contracts)[number]) => (company.companyType === 'CATERING' ? c.clientName : c.cateringName);
  const header = (
    <PageHeader title="Reports" description={`Service days, meals and costs per contract. Dates are in ${company.timezone}.`} />
  );

  if (contracts.length === 0) {
    return (
      <>
        {header}
        <Card title="No contracts yet">
          <p className="text-sm text-slate-700">
            {company.companyType === 'CLIENT' ? (
              'Reports appear once a caterer has set up a contract with your company.'
            ) : session?.role === 'ADMIN' ? (
              <>
                No contracts yet —{' '}
                <Link href="/contracts/new" className="font-medium text-emerald-800 underline">
                  create one
                </Link>
                ; its days and costs are reported here.
              </>
            ) : (
              'No contracts yet. An admin of your company creates them; their days and costs are reported here.'
            )}
          </p>
        </Card>
      </>
    );
  }

  // Default: the current week, Monday to Sunday, in the viewer's company time zone.
  const week = weekContaining(localToday(new Date(), company.timezone));
  const byStatus = [...contracts].sort((a, b) => Number(b.status === 'ACTIVE') - Number(a.status === 'ACTIVE'));
  const contractId = contracts.some((c) => c.id === search.contractId) ? search.contractId! : byStatus[0]!.id;
  const from = search.from && isValidDate(search.from) ? search.from : week.from;
  const to = search.to && isValidDate(search.to) ? search.to : week.to;

  const input = weeklyReportInput.safeParse({ contractId, from, to });
  const result = input.success
    ? await api.report
        .weekly(input.data)
        .then((report) => ({ report, error: null }))
        .catch((error: Error) => ({ report: null, error: error.message }))
    : { report: null, error: input.error.issues[0]?.message ?? 'Choose a valid date range.' };
  const csvHref = `/api/export/service-days.csv?${new URLSearchParams({ contractId, from, to }).toString()}`;

  return (
    <>
      {header}
      <ReportFilters
        contracts={contracts.map((c) => ({ id: c.id, label: `${counterpart(c)}${c.status === 'ACTIVE' ? '' : ` (${c.status.toLowerCase()})`}` }))}
        value={{ contractId, from, to }}
      />
      <FormError message={result.error} />
      {result.report && (
        <div className="mt-4 grid grid-cols-1 gap-4">
          <Card
            title={`${company.companyType === 'CATERING' ? result.report.contract.clientName : result.report.contract.cateringName}, ${formatDate(from)} – ${formatDate(to)}`}
            actions={
              <a
                href={csvHref}
                download
                className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
              >
                Download CSV
              </a>
            }
          >
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-slate-600">Days</dt>
                <dd className="text-lg font-semibold">{formatCount(result.report.totals.days)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Meals expected / served</dt>
                <dd className="text-lg font-semibold">
                  {formatCount(result.report.totals.expectedMeals)} / {formatCount(result.report.totals.servedMeals)}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Cost of served days</dt>
                <dd className="text-lg font-semibold">{formatMoney(result.report.totals.servedCostCents, result.report.contract.currency)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Total{result.report.totals.isEstimate ? ' (incl. estimates)' : ''}</dt>
                <dd className="text-lg font-semibold">{formatMoney(result.report.totals.totalCostCents, result.report.contract.currency)}</dd>
              </div>
            </dl>
            <p className="mt-2 text-xs text-slate-600">
              Price {formatMoney(result.report.contract.pricePerMealCents, result.report.contract.currency)} a meal. Days not yet
              served are estimated from the expected count.
            </p>
          </Card>
          {result.report.rows.length === 0 ? (
            <Card>
              <p className="text-sm text-slate-700">
                No service days in this range. Pick other dates above, or see the contract&apos;s{' '}
                <Link href={`/contracts/${contractId}`} className="text-emerald-800 underline">
                  service weekdays and period
                </Link>
                .
              </p>
            </Card>
          ) : (
            <>
              <Card>
                <ReportTable
                  caption={`Service days, ${formatDate(from)} – ${formatDate(to)}`}
                  rows={result.report.rows}
                  totals={result.report.totals}
                  currency={result.report.contract.currency}
                />
              </Card>
              <Card>
                <ExpectedServedChart
                  title="Expected and served meals"
                  description={`${formatDate(from)} – ${formatDate(to)}`}
                  data={result.report.rows.map((r) => ({ date: r.serviceDate, expected: r.expectedQuantity, served: r.servedQuantity }))}
                />
              </Card>
            </>
          )}
        </div>
      )}
    </>
  );
}
