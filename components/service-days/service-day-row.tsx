'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { StatusBadge } from '@/components/ui/status-badge';
import { InlinePanelForm } from './inline-panel-form';
import { formatCountdown, formatDate, formatInstant, formatMoney } from '@/lib/format';
import { useTRPC } from '@/lib/trpc';
import { fieldErrors, formLevelError } from '@/lib/trpc-errors';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';
import type { CompanyType } from '@/lib/enums';

type Props = {
  day: ServiceDayOutput;
  viewerSide: CompanyType;
  now: Date;
  showCounterpart: boolean;
  expected: string;
  onExpectedChange: (value: string) => void;
  onChanged: () => void;
};

const toInt = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** One service day with what the viewer may do now: confirm, serve, dispute or resolve. */
export function ServiceDayRow({ day, viewerSide, now, showCounterpart, expected, onExpectedChange, onChanged }: Props) {
  const trpc = useTRPC();
  const [panel, setPanel] = useState<'dispute' | 'resolve' | null>(null);
  const done = (message: string) => () => {
    toast.success(message);
    setPanel(null);
    onChanged();
  };
  const confirmExpected = useMutation(trpc.serviceDay.confirmExpected.mutationOptions({ onSuccess: done('Quantity confirmed.') }));
  const confirmServed = useMutation(trpc.serviceDay.confirmServed.mutationOptions({ onSuccess: done('Served quantity saved.') }));
  const dispute = useMutation(trpc.serviceDay.dispute.mutationOptions({ onSuccess: done('Dispute sent to the caterer.') }));
  const resolve = useMutation(trpc.serviceDay.resolveDispute.mutationOptions({ onSuccess: done('Dispute resolved.') }));
  const [served, setServed] = useState(String(day.servedQuantity ?? day.expectedQuantity));
  const label = formatDate(day.serviceDate, { weekday: 'long', day: 'numeric', month: 'short' });
  const deadlinePassed = day.deadline.getTime() <= now.getTime();
  const rowError = [confirmExpected, confirmServed].find((m) => m.error)?.error;

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
          <div className="flex items-end gap-2">
            <TextField
              label={`Meals on ${label}`}
              type="number"
              inputMode="numeric"
              min={day.minDailyQuantity}
              max={day.maxQuantity}
              value={expected}
              onChange={(e) => onExpectedChange(e.target.value)}
              className="w-36"
              hint={`${day.minDailyQuantity}–${day.maxQuantity}`}
              error={fieldErrors(confirmExpected.error).quantity}
            />
            <Button
              variant="secondary"
              pending={confirmExpected.isPending}
              onClick={() => confirmExpected.mutate({ id: day.id, quantity: toInt(expected) })}
            >
              Confirm
            </Button>
          </div>
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

      {day.canConfirmServed && (
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <TextField
            label={`Meals served on ${label}`}
            type="number"
            inputMode="numeric"
            min={0}
            value={served}
            onChange={(e) => setServed(e.target.value)}
            className="w-40"
            error={fieldErrors(confirmServed.error).quantity}
          />
          <Button pending={confirmServed.isPending} onClick={() => confirmServed.mutate({ id: day.id, quantity: toInt(served) })}>
            Confirm served
          </Button>
        </div>
      )}
      <FormError message={formLevelError(rowError)} />

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

      {panel === 'dispute' && (
        <InlinePanelForm
          onSubmit={(form) => dispute.mutate({ id: day.id, reason: String(form.get('reason') ?? '') })}
          error={dispute.error}
          pending={dispute.isPending}
          submitLabel="Send dispute"
          onCancel={() => setPanel(null)}
        >
          <TextField label="What was wrong?" name="reason" maxLength={1000} error={fieldErrors(dispute.error).reason} />
        </InlinePanelForm>
      )}
      {panel === 'resolve' && (
        <InlinePanelForm
          onSubmit={(form) =>
            resolve.mutate({
              id: day.id,
              servedQuantity: toInt(String(form.get('servedQuantity') ?? '')),
              note: String(form.get('note') ?? ''),
            })
          }
          error={resolve.error}
          pending={resolve.isPending}
          submitLabel="Save resolution"
          onCancel={() => setPanel(null)}
        >
          <TextField
            label="Corrected served quantity"
            name="servedQuantity"
            type="number"
            inputMode="numeric"
            min={0}
            defaultValue={day.servedQuantity ?? ''}
            error={fieldErrors(resolve.error).servedQuantity}
          />
          <TextField label="Note to the client" name="note" maxLength={1000} error={fieldErrors(resolve.error).note} />
        </InlinePanelForm>
      )}
    </li>
  );
}
