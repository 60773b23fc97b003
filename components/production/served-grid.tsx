'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useWatch } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { describeServedOutlier, servedCountOutlier } from '@/lib/served-count';
import type { ProductionLineOutput } from '@/lib/schemas/production';
import { useTRPC } from '@/lib/trpc';

/**
 * A date's served counts for all its clients in one grid (serviceDay.confirmServedBatch, all or
 * nothing), each prefilled with the expected count. A count that looks like a typo (the one
 * rule of lib/served-count) asks for its own "save anyway" tick before the grid is sent.
 */
export function ServedGrid({ lines }: { lines: ProductionLineOutput[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/service-day')).confirmServedBatchInput, {
    defaultValues: { items: lines.map((l) => ({ id: l.serviceDayId, quantity: l.total, confirmOutlier: false })) },
  });
  const { errors } = form.formState;
  const items = useWatch({ control: form.control, name: 'items' });
  const outliers = lines.map((l, i) => {
    const quantity = items?.[i]?.quantity;
    return typeof quantity === 'number' && Number.isInteger(quantity)
      ? servedCountOutlier({ quantity, expectedQuantity: l.total, maxQuantity: l.maxQuantity })
      : null;
  });
  const save = useMutation(
    trpc.serviceDay.confirmServedBatch.mutationOptions({
      onSuccess: (days) => {
        toast.success(`Served counts saved for ${days.length} ${days.length === 1 ? 'client' : 'clients'}.`);
        router.refresh();
      },
      onError: (error) => showServerErrors(form, error, lines.map((_, i) => `items.${i}.quantity` as const)),
    }),
  );
  const submit = form.handleSubmit((input) => {
    let unconfirmed = false;
    input.items.forEach((item, i) => {
      if (outliers[i] && !item.confirmOutlier) {
        unconfirmed = true;
        form.setError(`items.${i}.quantity`, { type: 'outlier', message: `${describeServedOutlier(item.quantity, outliers[i]!)} Tick “save anyway” to keep it.` });
      }
    });
    if (unconfirmed) return;
    save.mutate({ items: input.items.map((item, i) => ({ id: item.id, quantity: item.quantity, ...(outliers[i] ? { confirmOutlier: true } : {}) })) });
  });
  return (
    <Form onSubmit={submit} aria-label="Served counts">
      <FormError message={errors.root?.server?.message ?? errors.items?.message} />
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-300 text-xs text-slate-600">
          <tr>
            <th className="py-2 pr-2">Client</th>
            <th className="py-2 pr-2 text-right">Expected</th>
            <th className="py-2">Served</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const error = errors.items?.[i]?.quantity?.message;
            return (
              <tr key={l.serviceDayId} className="border-b border-slate-100 align-top" data-testid="served-row">
                <td className="py-2 pr-2 font-medium">{l.clientName}</td>
                <td className="py-2 pr-2 text-right tabular-nums">{l.total}</td>
                <td className="py-2">
                  <label className="sr-only" htmlFor={`served-${l.serviceDayId}`}>
                    Meals served to {l.clientName}
                  </label>
                  <input
                    id={`served-${l.serviceDayId}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    className="w-28 rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `served-${l.serviceDayId}-error` : undefined}
                    {...form.register(`items.${i}.quantity`, { valueAsNumber: true })}
                  />
                  {outliers[i] && (
                    <label className="ml-3 inline-flex items-center gap-2 text-sm text-amber-950">
                      <input type="checkbox" {...form.register(`items.${i}.confirmOutlier`)} />
                      Save {items?.[i]?.quantity} anyway
                    </label>
                  )}
                  {error && (
                    <p id={`served-${l.serviceDayId}-error`} className="mt-1 text-sm text-red-700">
                      {error}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button type="submit" className="mt-3" pending={save.isPending}>
        Save served counts
      </Button>
    </Form>
  );
}
