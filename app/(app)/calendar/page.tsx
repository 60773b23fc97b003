import type { Metadata } from 'next';
import Link from 'next/link';
import { ClosurePanel } from '@/components/calendar/closure-panel';
import { MonthGrid } from '@/components/calendar/month-grid';
import { Card, PageHeader } from '@/components/ui/card';
import { addDays, isValidDate, localToday, weekContaining } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { getServerCaller, getSignedInUser } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Calendar' };

/** The first day of the month of `date` and of the months around it. */
function monthOf(date: string) {
  const first = `${date.slice(0, 7)}-01`;
  const next = addDays(first, 32).slice(0, 7) + '-01';
  return { first, last: addDays(next, -1), next, previous: `${addDays(first, -1).slice(0, 7)}-01` };
}

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const { month: asked } = await searchParams;
  const api = await getServerCaller();
  const [company, session, contracts] = await Promise.all([api.company.me(), getSignedInUser(), api.contract.list()]);
  const today = localToday(new Date(), company.timezone);
  const month = monthOf(asked && isValidDate(`${asked}-01`) ? `${asked}-01` : today);
  // Whole weeks, Monday first.
  const from = weekContaining(month.first).from;
  const to = weekContaining(month.last).to;
  const [calendar, days] = await Promise.all([api.company.calendar({ from, to }), api.serviceDay.list({ from, to })]);
  const canEdit = session?.role === 'ADMIN' || session?.role === 'MANAGER';
  const counterpart = (c: (typeof contracts)[number]) => (company.companyType === 'CATERING' ? c.clientName : c.cateringName);
  const title = formatDate(month.first, { month: 'long', year: 'numeric' });
  return (
    <>
      <PageHeader
        title="Calendar"
        description={`Closures, public holidays, service days and their deadlines. Times in ${company.timezone}.`}
        actions={
          <nav aria-label="Months" className="flex items-center gap-3 text-sm">
            <Link className="text-emerald-800 underline" href={`/calendar?month=${month.previous.slice(0, 7)}`}>
              Previous month
            </Link>
            <span className="font-medium text-slate-900">{title}</span>
            <Link className="text-emerald-800 underline" href={`/calendar?month=${month.next.slice(0, 7)}`}>
              Next month
            </Link>
          </nav>
        }
      />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-4">
        <Card title={title} className="xl:col-span-3">
          <MonthGrid
            from={from}
            to={to}
            month={month.first.slice(0, 7)}
            today={today}
            timeZone={company.timezone}
            viewerSide={company.companyType}
            holidays={calendar.holidays}
            closures={calendar.closures}
            days={days}
          />
        </Card>
        <ClosurePanel
          canEdit={canEdit}
          closures={calendar.closures}
          contracts={contracts.filter((c) => c.status === 'ACTIVE' || c.status === 'PAUSED').map((c) => ({ id: c.id, label: counterpart(c) }))}
          defaultFrom={today}
        />
      </div>
    </>
  );
}
