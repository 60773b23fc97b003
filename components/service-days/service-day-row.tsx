'use client';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatCountdown, formatDate, formatInstant, formatMoney } from '@/lib/format';
import { DisputeForm, ExpectedQuantityForm, ResolveDisputeForm, ServedQuantityForm } from './day-forms';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';
import type { CompanyType } from '@/lib/enums';

type Props = {
  day: ServiceDayOutput;
  viewerSide: CompanyType;
  now: Date;
  showCounterpart: boolean;
  onExpectedChange: (value: string) => void;
  onChanged: () => void;
};

/** One service day with what the viewer may do now: confirm, serve, dispute or resolve. */
export function ServiceDayRow({ day, viewerSide, now, showCounterpart, onExpectedChange, onChanged }: Props) {
  const [panel, setPanel] = useState<'dispute' | 'resolve' | null>(null);
  const onDone = (message: string) => {
    toast.success(message);
    setPanel(null);
    onChanged();
  };
  const label = formatDate(day.serviceDate, { weekday: 'long', day: 'numeric', month: 'short' });
  const deadlinePassed = day.deadline.getTime() <= now.getTime();

  return (
    <li className="rounded-md border border-slate-200 bg-white p-3" data-testid="service-day" data-date={day.serviceDate}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-medium text-slate-900">{label}</p>
          {showCounterpart && (
            <p className="text-xs text-slate-600">{viewerSide === 'CATERING' ? day.clientName : day.cateringName}</p>
          )}
        </div>
        <StatusBadge status={day.status} />
      </div>

      <div className="mt-2 flex flex-wrap items-end gap-x-6 gap-y-2 text-sm">
        {day.canConfirmExpected ? (
          <ExpectedQuantityForm day={day} label={label} onDone={onDone} onTyped={onExpectedChange} />
        ) : (
          <p>
            <span className="text-slate-600">Expected </span>
            <strong>{day.expectedQuantity}</strong>
            {day.expectedAutoLocked && <span className="text-xs text-slate-600"> (locked at deadline)</span>}
          </p>
        )}
        {day.servedQuantity !== null && (
          <p>
            <span className="text-slate-600">Served </span>
            <strong>{day.servedQuantity}</strong>
            {day.originalServedQuantity !== null && (
              <span className="text-xs text-slate-600"> (first reported {day.originalServedQuantity})</span>
            )}
          </p>
        )}
        <p>
          <span className="text-slate-600">{day.costIsEstimate ? 'Est. cost ' : 'Cost '}</span>
          {formatMoney(day.costCents, day.currency)}
        </p>
        {day.status === 'PENDING' && (
          <p className={deadlinePassed ? 'text-red-800' : 'text-amber-900'}>
            <span className="text-slate-600">Confirm by </span>
            <time dateTime={day.deadline.toISOString()}>{formatInstant(day.deadline, day.clientTimeZone)}</time>{' '}
            <span className="font-medium">({formatCountdown(day.deadline, now)})</span>
          </p>
        )}
      </div>

      {day.canConfirmServed && <ServedQuantityForm day={day} label={label} onDone={onDone} />}

      {day.disputeReason && (
        <div className="mt-2 rounded bg-red-50 p-2 text-sm text-red-950">
          <p>
            <strong>Dispute:</strong> {day.disputeReason}
          </p>
          {day.disputeResolutionNote && (
            <p className="mt-1 text-slate-800">
              <strong>Resolution:</strong> {day.disputeResolutionNote}
            </p>
          )}
        </div>
      )}

      <div className="mt-2 flex flex-wrap gap-2">
        {day.canDispute && panel !== 'dispute' && (
          <Button variant="ghost" onClick={() => setPanel('dispute')}>
            Dispute served count
          </Button>
        )}
        {day.canResolve && panel !== 'resolve' && (
          <Button variant="ghost" onClick={() => setPanel('resolve')}>
            Resolve dispute
          </Button>
        )}
      </div>

      {panel === 'dispute' && <DisputeForm day={day} label={label} onDone={onDone} onCancel={() => setPanel(null)} />}
      {panel === 'resolve' && <ResolveDisputeForm day={day} label={label} onDone={onDone} onCancel={() => setPanel(null)} />}
    </li>
  );
}
