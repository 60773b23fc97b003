'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { FormError } from '@/components/ui/field';
import { formatCountdown, formatDate, formatInstant } from '@/lib/format';
import { useTRPC } from '@/lib/trpc';
import { errorMessage } from '@/lib/trpc-errors';
import { useNow } from '@/lib/use-now';
import type { PendingDay } from '@/lib/schemas/report';

type Props = {
  days: PendingDay[];
  /** Last date (inclusive) of "the week": today + 6 in the company's time zone. */
  weekEnd: string;
  timeZone: string;
  canConfirm: boolean;
};

const SOON_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Days waiting for the client's headcount, with live countdowns to each deadline. */
export function PendingConfirmations({ days, weekEnd, timeZone, canConfirm }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const now = useNow(30_000);
  const [confirmedIds, setConfirmedIds] = useState<ReadonlySet<string>>(new Set());
  const open = days.filter((d) => d.deadline.getTime() > now.getTime() && !confirmedIds.has(d.id));
  // "The week" is the next 7 days; when nothing is open in them (already confirmed), it is
  // the 7 days from the next open day, so the button always has something useful to do.
  const first = open[0]?.serviceDate;
  const windowEnd = first && first > weekEnd ? plusDays(first, 6) : weekEnd;
  const thisWeek = open.filter((d) => d.serviceDate <= windowEnd);

  const batch = useMutation(
    trpc.serviceDay.confirmExpectedBatch.mutationOptions({
      onSuccess: (confirmed) => {
        // Hide them at once; the refresh brings the server's view.
        setConfirmedIds((ids) => new Set([...ids, ...confirmed.map((d) => d.id)]));
        toast.success(`${confirmed.length} ${confirmed.length === 1 ? 'day' : 'days'} confirmed at the quantities shown.`);
        router.refresh();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const confirming = new Set(batch.isPending ? batch.variables?.items.map((i) => i.id) : []);

  return (
    <Card
      title={canConfirm ? `Waiting for your confirmation (${open.length})` : `Meal counts still to be confirmed (${open.length})`}
      actions={
        canConfirm && (
          <Button
            pending={batch.isPending}
            disabled={thisWeek.length === 0}
            onClick={() => batch.mutate({ items: thisWeek.map((d) => ({ id: d.id, quantity: d.expectedQuantity })) })}
            aria-describedby="confirm-week-hint"
          >
            Confirm defaults for the week
          </Button>
        )
      }
    >
      {!canConfirm && (
        <p className="mb-3 text-sm text-slate-700" data-testid="confirmers-note">
          Your office managers confirm these counts.
        </p>
      )}
      {canConfirm && (
        <p id="confirm-week-hint" className="mb-3 text-xs text-slate-600">
          {thisWeek.length > 0
            ? `Confirms the ${thisWeek.length} ${thisWeek.length === 1 ? 'day' : 'days'} up to ${formatDate(windowEnd)} at the quantities shown. To change a quantity, use Service days.`
            : 'Nothing is waiting for confirmation.'}
        </p>
      )}
      <FormError message={batch.error ? errorMessage(batch.error) : null} />
      {open.length === 0 ? (
        <p className="text-sm text-slate-700">
          All caught up: no day is waiting for a headcount. New days appear here as your caterer plans them; past and
          confirmed days are on the{' '}
          <Link href="/service-days" className="text-emerald-800 underline">
            Service days
          </Link>{' '}
          page.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {open.map((day) => {
            const left = day.deadline.getTime() - now.getTime();
            return (
              <li key={day.id} className={cn('flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm', confirming.has(day.id) && 'opacity-60')}>
                <div className="min-w-0">
                  <Link
                    href={`/service-days?contractId=${day.contractId}&from=${day.serviceDate}&to=${day.serviceDate}`}
                    className="font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900"
                  >
                    {formatDate(day.serviceDate)}
                  </Link>
                  <span className="text-slate-600"> · {day.cateringName}</span>
                  <span className="block text-slate-700">
                    {day.expectedQuantity} meals <span className="text-slate-500">(allowed {day.minDailyQuantity}–{day.maxQuantity})</span>
                  </span>
                </div>
                <div className="text-right">
                  <span className={cn('block font-medium', left < SOON_MS ? 'text-red-800' : 'text-slate-900')} suppressHydrationWarning>
                    {confirming.has(day.id) ? 'Confirming…' : `Deadline ${formatCountdown(day.deadline, now)}`}
                  </span>
                  <span className="block text-xs text-slate-600">{formatInstant(day.deadline, timeZone)}</span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
