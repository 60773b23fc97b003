import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';

/**
 * Late changes still waiting for the caterer's answer: the caterer answers them before delivery,
 * the client sees which of its requests are open.
 */
export function LateChangeRequests({ days, viewerSide }: { days: ServiceDayOutput[]; viewerSide: 'CATERING' | 'CLIENT' }) {
  if (days.length === 0) return null;
  return (
    <Card title={viewerSide === 'CATERING' ? `Late changes to answer (${days.length})` : `Late changes waiting for the caterer (${days.length})`}>
      <ul className="divide-y divide-slate-200 text-sm" data-testid="late-changes">
        {days.map((d) => (
          <li key={d.id} className="py-2">
            <Link
              className="text-emerald-800 underline"
              href={`/service-days?contractId=${d.contractId}&from=${d.serviceDate}&to=${d.serviceDate}`}
            >
              {formatDate(d.serviceDate)} · {viewerSide === 'CATERING' ? d.clientName : d.cateringName}
            </Link>{' '}
            {d.changeRequest!.previousQuantity} → {d.changeRequest!.quantity} meals. {d.changeRequest!.reason}
            {d.changeRequest!.requestedByEmail && <span className="text-slate-600"> — asked by {d.changeRequest!.requestedByEmail}</span>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
