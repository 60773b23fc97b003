'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { formatDate } from '@/lib/format';
import { useIsClient } from '@/lib/use-is-client';
import { useNow } from '@/lib/use-now';
import { useTRPC } from '@/lib/trpc';
import { errorMessage } from '@/lib/trpc-errors';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';
import { ServiceDayRow } from './service-day-row';
import { initialDiets, initialQuantity, type TypedExpected } from './day-forms';
import { normaliseDiets } from '@/lib/diets';
import { groupByWeek } from './week-groups';
import type { CompanyType } from '@/lib/enums';

type Props = {
  days: ServiceDayOutput[];
  viewerSide: CompanyType;
  /** Hide the counterpart's name (e.g. on a contract's own page). */
  compact?: boolean;
};

/** Service days by week; the client confirms a day or a whole week at once. */
export function ServiceDayTable({ days, viewerSide, compact }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  // Re-rendered at every deadline on the page, so inputs lock the moment it passes.
  const now = useNow(30_000, days.map((d) => d.deadline));
  const isClient = useIsClient();
  const browserZone = isClient ? Intl.DateTimeFormat().resolvedOptions().timeZone : null;
  const [expected, setExpected] = useState<Record<string, TypedExpected>>({});
  // What "Confirm week" sends for a day: what was typed, else the count and the suggested split.
  const valueOf = (d: ServiceDayOutput): TypedExpected =>
    expected[d.id] ?? { quantity: initialQuantity(d), diets: initialDiets(d) };
  const differs = (d: ServiceDayOutput) => {
    const v = valueOf(d);
    return v.quantity !== d.expectedQuantity || JSON.stringify(normaliseDiets(v.diets)) !== JSON.stringify(normaliseDiets(d.diets));
  };
  const refresh = () => {
    setExpected({});
    router.refresh();
  };
  const batch = useMutation(
    trpc.serviceDay.confirmExpectedBatch.mutationOptions({
      onSuccess: (_data, input) => {
        toast.success(`${input.items.length} ${input.items.length === 1 ? 'day' : 'days'} confirmed.`);
        refresh();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );

  if (days.length === 0) {
    return <p className="text-sm text-slate-700">No service days in this period.</p>;
  }
  return (
    <div className="space-y-6">
      {groupByWeek(days).map((week) => {
        // Left to confirm in this Monday–Sunday week: open days not confirmed yet, or whose
        // typed count differs from the confirmed one. Nothing left: no button.
        const open = week.items.filter(
          (d) =>
            d.canConfirmExpected &&
            d.deadline.getTime() > now.getTime() &&
            (d.status === 'PENDING' || differs(d)),
        );
        return (
          <section key={week.weekStart} aria-label={`Week of ${formatDate(week.weekStart)}`}>
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-semibold text-slate-800">Week of {formatDate(week.weekStart)}</h3>
              {open.length > 0 && (
                <Button
                  variant="secondary"
                  pending={batch.isPending && batch.variables?.items[0]?.id === open[0]?.id}
                  onClick={() =>
                    batch.mutate({
                      items: open.map((d) => ({
                        id: d.id,
                        quantity: valueOf(d).quantity,
                        ...(d.dietOptions.length > 0 ? { diets: normaliseDiets(valueOf(d).diets) } : {}),
                      })),
                    })
                  }
                >
                  Confirm week ({open.length} {open.length === 1 ? 'day' : 'days'})
                </Button>
              )}
            </div>
            <ul className="space-y-2">
              {week.items.map((day) => (
                <ServiceDayRow
                  key={day.id}
                  day={day}
                  viewerSide={viewerSide}
                  now={now}
                  viewerTimeZone={browserZone ?? day.clientTimeZone}
                  showCounterpart={!compact}
                  onExpectedChange={(value) => setExpected((all) => ({ ...all, [day.id]: value }))}
                  onChanged={refresh}
                />
              ))}
            </ul>
          </section>
        );
      })}
      <FormError message={batch.error ? errorMessage(batch.error) : null} />
    </div>
  );
}
