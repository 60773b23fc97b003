'use client';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatCountdown, formatDate, formatInstant, formatMoney } from '@/lib/format';
import {
  CorrectServedForm,
  AnswerChangeForm,
  DisputeForm,
  RequestChangeForm,
  ExpectedQuantityForm,
  ResolveDisputeForm,
  ServedQuantityForm,
  type TypedExpected,
} from './day-forms';
import { describeDietSplit, dietTotal } from '@/lib/diets';
import { MenuDishes } from '@/components/menus/dish-badges';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';
import { isCountOpenStatus, type CompanyType } from '@/lib/enums';

type Props = {
  day: ServiceDayOutput;
  viewerSide: CompanyType;
  now: Date;
  /** The reader's IANA zone (the browser's once hydrated); the client's zone until then. */
  viewerTimeZone: string;
  showCounterpart: boolean;
  onExpectedChange: (value: TypedExpected) => void;
  onChanged: () => void;
};

/** One service day with what the viewer may do now: confirm, serve, dispute or resolve. */
export function ServiceDayRow({ day, viewerSide, now, viewerTimeZone, showCounterpart, onExpectedChange, onChanged }: Props) {
  const [panel, setPanel] = useState<'dispute' | 'resolve' | 'correct' | 'request' | 'answer' | null>(null);
  const onDone = (message: string) => {
    toast.success(message);
    setPanel(null);
    onChanged();
  };
  const label = formatDate(day.serviceDate, { weekday: 'long', day: 'numeric', month: 'short' });
  // The page follows the clock: at the deadline the input locks and the badge changes.
  const deadlinePassed = day.deadline.getTime() <= now.getTime();
  const changeable = isCountOpenStatus(day.status);
  const canConfirmExpected = day.canConfirmExpected && !deadlinePassed;

  return (
    <li className="rounded-md border border-slate-200 bg-white p-3" data-testid="service-day" data-date={day.serviceDate}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-medium text-slate-900">{label}</p>
          {showCounterpart && (
            <p className="text-xs text-slate-600">{viewerSide === 'CATERING' ? day.clientName : day.cateringName}</p>
          )}
        </div>
        <StatusBadge status={day.status} locked={changeable && deadlinePassed} />
      </div>

      <div className="mt-2 flex flex-wrap items-end gap-x-6 gap-y-2 text-sm">
        {canConfirmExpected ? (
          <ExpectedQuantityForm day={day} label={label} onDone={onDone} onTyped={onExpectedChange} />
        ) : (
          <p>
            <span className="text-slate-600">Expected </span>
            <strong>{day.expectedQuantity}</strong>
            {dietTotal(day.diets) > 0 && (
              <span className="text-slate-700" data-testid="diet-split">
                {' '}
                ({describeDietSplit(day.expectedQuantity, day.diets)})
              </span>
            )}
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
        {day.servedCorrectionNote && (
          <p className="text-slate-700" data-testid="served-correction">
            <span className="text-slate-600">Corrected: </span>
            {day.servedCorrectionNote}
          </p>
        )}
        <p>
          <span className="text-slate-600">{day.costIsEstimate ? 'Est. cost ' : 'Cost '}</span>
          {formatMoney(day.costCents, day.currency)}
        </p>
        {changeable && <DeadlineNote day={day} now={now} viewerTimeZone={viewerTimeZone} passed={deadlinePassed} />}
        {day.status === 'CANCELLED' && (
          <p className="text-slate-700">
            <span className="text-slate-600">Cancelled: </span>
            {day.cancellationReason ?? 'closed'}
          </p>
        )}
      </div>

      {day.menu.length > 0 && (
        <div className="mt-2 border-t border-slate-100 pt-2">
          <MenuDishes dishes={day.menu} compact />
        </div>
      )}

      {day.canConfirmServed && <ServedQuantityForm day={day} label={label} onDone={onDone} />}

      {day.changeRequest && <ChangeRequestNote day={day} viewerSide={viewerSide} viewerTimeZone={viewerTimeZone} now={now} />}

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
        {day.canCorrectServed && panel !== 'correct' && (
          <Button variant="ghost" onClick={() => setPanel('correct')}>
            Correct served count
          </Button>
        )}
        {day.canRequestChange && panel !== 'request' && (
          <Button variant="ghost" onClick={() => setPanel('request')}>
            Ask for a late change
          </Button>
        )}
        {day.canAnswerChange && panel !== 'answer' && (
          <Button variant="secondary" onClick={() => setPanel('answer')}>
            Answer the change request
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
      {panel === 'request' && <RequestChangeForm day={day} label={label} onDone={onDone} onCancel={() => setPanel(null)} />}
      {panel === 'answer' && <AnswerChangeForm day={day} label={label} onDone={onDone} onCancel={() => setPanel(null)} />}
      {panel === 'correct' && <CorrectServedForm day={day} label={label} onDone={onDone} onCancel={() => setPanel(null)} />}
    </li>
  );
}

const OUTCOME: Record<NonNullable<ServiceDayOutput['changeRequest']>['outcome'], string> = {
  OPEN: 'waiting for the caterer',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  CLOSED: 'closed when the served count was confirmed',
};

/** A late change asked for after the deadline: what, why, who asked and answered when, and where it stands. */
function ChangeRequestNote({ day, viewerSide, viewerTimeZone, now }: { day: ServiceDayOutput; viewerSide: 'CATERING' | 'CLIENT'; viewerTimeZone: string; now: Date }) {
  const r = day.changeRequest!;
  const open = r.outcome === 'OPEN';
  const when = (instant: Date) => <time dateTime={instant.toISOString()}>{formatInstant(instant, viewerTimeZone, { now })}</time>;
  return (
    <div className={`mt-2 rounded p-2 text-sm ${open ? 'bg-sky-50 text-sky-950' : 'bg-slate-50 text-slate-800'}`} data-testid="change-request">
      <p>
        <strong>Late change {r.previousQuantity} → {r.quantity}:</strong> {OUTCOME[r.outcome]}
        {open && viewerSide === 'CATERING' ? ' (answer before delivery)' : ''}. Reason: {r.reason}
      </p>
      <p className="mt-1 text-xs text-slate-600" data-testid="change-request-who">
        Asked{r.requestedByEmail && ` by ${r.requestedByEmail}`}, {when(r.requestedAt)}
        {r.answeredAt && (
          <>
            ; {r.outcome.toLowerCase()}{r.answeredByEmail && ` by ${r.answeredByEmail}`}, {when(r.answeredAt)}
          </>
        )}
        .
      </p>
      {r.note && <p className="mt-1">Note: {r.note}</p>}
    </div>
  );
}

/**
 * "Change until …" in the reader's zone (named), with the client's own clock beside it when
 * the zones differ; once the deadline has passed, when the count was locked.
 */
function DeadlineNote({ day, now, viewerTimeZone, passed }: { day: ServiceDayOutput; now: Date; viewerTimeZone: string; passed: boolean }) {
  const zones = viewerTimeZone === day.clientTimeZone ? [viewerTimeZone] : [viewerTimeZone, day.clientTimeZone];
  const shown = (zone: string) => formatInstant(day.deadline, zone);
  const dateTime = day.deadline.toISOString();
  if (passed) {
    return (
      <p className="text-slate-700" data-testid="deadline">
        <span className="text-slate-600">Locked since </span>
        <time dateTime={dateTime}>{shown(zones[0]!)}</time>
      </p>
    );
  }
  const urgent = day.status === 'PENDING';
  return (
    <p className={urgent ? 'text-amber-900' : 'text-slate-800'} data-testid="deadline">
      <span className="text-slate-600">Change until </span>
      <time dateTime={dateTime}>{shown(zones[0]!)}</time>
      {zones[1] && <span className="text-slate-600"> ({shown(zones[1])} for the client)</span>}{' '}
      <span className="font-medium">({formatCountdown(day.deadline, now)})</span>
    </p>
  );
}
