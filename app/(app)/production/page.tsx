import type { Metadata } from 'next';
import { ServedGrid } from '@/components/production/served-grid';
import { ProductionSheet } from '@/components/production/production-sheet';
import { Form } from '@/components/forms/form';
import { Card, PageHeader } from '@/components/ui/card';
import { addDays, isValidDate, localToday } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { getServerCaller, getSignedInUser } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Production' };

type Search = { date?: string };

/** The caterer's day: what to cook for whom, when and where; after the day, its served counts in one grid. */
export default async function ProductionPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const api = await getServerCaller();
  const [company, session] = await Promise.all([api.company.me(), getSignedInUser()]);
  if (company.companyType !== 'CATERING') {
    return (
      <>
        <PageHeader title="Production" />
        <Card>
          <p className="text-sm text-slate-700">The production sheet is your caterer’s page.</p>
        </Card>
      </>
    );
  }
  const today = localToday(new Date(), company.timezone);
  const date = search.date && isValidDate(search.date) ? search.date : today;
  const report = await api.report.production({ date });
  const gridLines = report.lines.filter((l) => l.canConfirmServed);
  const canEnterServed = session.role === 'ADMIN' || session.role === 'MANAGER';
  const link = (d: string) => `/production?date=${d}`;
  return (
    <>
      <PageHeader
        title="Production"
        description={`${formatDate(date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}${date === today ? ' (today)' : ''} · ${company.name}`}
        actions={
          <div className="flex flex-wrap gap-2 text-sm print:hidden">
            <a className="rounded-md border border-slate-300 px-3 py-2" href={`/api/export/production.pdf?date=${date}`}>
              Download PDF
            </a>
            <a className="rounded-md border border-slate-300 px-3 py-2" href={`/api/export/production.csv?date=${date}`}>
              Download CSV
            </a>
          </div>
        }
      />
      <Form method="get" action="/production" className="mb-4 flex flex-wrap items-end gap-2 print:hidden" aria-label="Choose a date">
        <div className="space-y-1">
          <label htmlFor="production-date" className="block text-sm font-medium text-slate-800">
            Date
          </label>
          <input id="production-date" name="date" type="date" defaultValue={date} className="rounded-md border border-slate-300 px-3 py-2" />
        </div>
        <button type="submit" className="min-h-10 rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white">
          Show
        </button>
        <a className="px-2 py-2 text-sm text-emerald-800 underline" href={link(addDays(date, -1))}>
          ← Previous day
        </a>
        <a className="px-2 py-2 text-sm text-emerald-800 underline" href={link(addDays(date, 1))}>
          Next day →
        </a>
        {date !== today && (
          <a className="px-2 py-2 text-sm text-emerald-800 underline" href={link(today)}>
            Today
          </a>
        )}
      </Form>
      <ProductionSheet report={report} />
      {canEnterServed && gridLines.length > 0 && (
        <Card title="Served counts" className="mt-4 print:hidden">
          <p className="mb-3 text-sm text-slate-600">
            One row per client still waiting for its served count, prefilled with the expected count. Saving saves them all, or none if one is refused.
          </p>
          <ServedGrid key={gridLines.map((l) => l.serviceDayId).join(',')} lines={gridLines} />
        </Card>
      )}
    </>
  );
}
