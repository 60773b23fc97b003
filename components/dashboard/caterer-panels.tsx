import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { formatCount, formatDate, formatInstant, formatPercent } from '@/lib/format';
import type { CatererDashboard } from '@/lib/schemas/report';

/** Utilisation of each day of the plan as text, so the chart's key figure is readable without it. */
export function UtilisationList({ days, capacity }: { days: CatererDashboard['productionPlan']['days']; capacity: number }) {
  return (
    <ul className="mt-3 grid grid-cols-2 gap-2 text-xs sm:grid-cols-4 lg:grid-cols-7" aria-label="Capacity used per day">
      {days.map((day) => {
        const over = day.totalMeals > capacity;
        return (
          <li
            key={day.date}
            className={cn('rounded border px-2 py-1', over ? 'border-red-300 bg-red-50 text-red-900' : 'border-slate-200 text-slate-700')}
          >
            <span className="block font-medium">{formatDate(day.date, { weekday: 'short', day: 'numeric', month: 'short' })}</span>
            {formatCount(day.totalMeals)} meals · {formatPercent(day.utilisation)}
            {over && ' (over capacity)'}
            {day.totalMeals > 0 && (
              <span className="block text-slate-600" data-testid="plan-status">
                {formatCount(day.byStatus.CONFIRMED)} confirmed · {formatCount(day.byStatus.LOCKED)} locked · {formatCount(day.byStatus.OPEN)} estimated
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function AwaitingServedCard({ awaiting, today }: { awaiting: CatererDashboard['awaitingServed']; today: string }) {
  const from = awaiting.oldest[0]?.serviceDate ?? today;
  return (
    <Card
      title={`Awaiting served counts (${awaiting.count})`}
      actions={
        awaiting.count > 0 && (
          <Link href={`/service-days?from=${from}&to=${today}`} className="text-sm text-emerald-800 underline">
            Enter served counts
          </Link>
        )
      }
    >
      {awaiting.count === 0 ? (
        <p className="text-sm text-slate-700">Every delivered day has its served count. Well done.</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700">
            Delivered days without a served count{awaiting.count > awaiting.oldest.length ? `; the ${awaiting.oldest.length} oldest:` : ':'}
          </p>
          <ul className="divide-y divide-slate-100 text-sm">
            {awaiting.oldest.map((day) => (
              <li key={day.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                <Link
                  href={`/service-days?contractId=${day.contractId}&from=${day.serviceDate}&to=${day.serviceDate}`}
                  className="text-slate-900 underline decoration-slate-300 hover:decoration-slate-900"
                >
                  {formatDate(day.serviceDate)} · {day.clientName}
                </Link>
                <span className="text-slate-600">{formatCount(day.expectedQuantity)} expected</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

export function OpenDisputesCard({ disputes, timeZone }: { disputes: CatererDashboard['openDisputes']; timeZone: string }) {
  return (
    <Card title={`Open disputes (${disputes.length})`}>
      {disputes.length === 0 ? (
        <p className="text-sm text-slate-700">No open disputes. Clients can dispute a served count within 7 days.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {disputes.map((d) => (
            <li key={d.id} className="py-2">
              <Link
                href={`/service-days?contractId=${d.contractId}&from=${d.serviceDate}&to=${d.serviceDate}`}
                className="font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900"
              >
                {formatDate(d.serviceDate)} · {d.clientName}
              </Link>
              <span className="block text-slate-700">
                Served {d.servedQuantity === null ? '—' : formatCount(d.servedQuantity)} of {formatCount(d.expectedQuantity)} expected
                {d.disputedAt && <span className="text-slate-500"> · disputed {formatInstant(d.disputedAt, timeZone)}</span>}
              </span>
              <q className="mt-1 block whitespace-pre-line break-words text-slate-800">{d.disputeReason}</q>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
