'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, SelectField, TextField } from '@/components/ui/field';
import { formatDate } from '@/lib/format';
import { MAX_CLOSURE_REASON_LENGTH } from '@/lib/limits';
import type { AddClosureOutput, ClosureOutput } from '@/lib/schemas/company';
import { useTRPC } from '@/lib/trpc';
import { errorMessage } from '@/lib/trpc-errors';

type Props = {
  canEdit: boolean;
  closures: ClosureOutput[];
  contracts: { id: string; label: string }[];
  defaultFrom: string;
};

const short = (date: string) => formatDate(date, { weekday: 'short', day: 'numeric', month: 'short' });
const dateList = (days: { serviceDate: string }[]) => [...new Set(days.map((d) => d.serviceDate))].map(short).join(', ');

/** What adding a closure did, in words: the days cancelled and the days that stay. */
function outcome(result: AddClosureOutput): string {
  const parts = [
    result.cancelled.length > 0
      ? `${result.cancelled.length} service ${result.cancelled.length === 1 ? 'day' : 'days'} cancelled (${dateList(result.cancelled)}).`
      : 'No planned service day was cancelled.',
  ];
  if (result.kept.length > 0) {
    parts.push(`Kept, as their deadline has passed or they are served: ${dateList(result.kept)}.`);
  }
  return parts.join(' ');
}

/** Record a closure (the whole company, or one contract) and list the closures of this period. */
export function ClosurePanel({ canEdit, closures, contracts, defaultFrom }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [summary, setSummary] = useState<string | null>(null);
  const form = useSchemaForm(async () => (await import('@/lib/schemas/company')).addClosureInput, { defaultValues: { from: defaultFrom, to: defaultFrom, reason: '', contractId: undefined } });
  const { errors } = form.formState;
  const add = useMutation(
    trpc.company.addClosure.mutationOptions({
      onSuccess: (result) => {
        const text = outcome(result);
        setSummary(text);
        toast.success(`Closure saved. ${text}`);
        form.reset({ from: result.closure.to, to: result.closure.to, reason: '', contractId: undefined });
        router.refresh();
      },
      onError: (error) => showServerErrors(form, error, ['from', 'to', 'reason', 'contractId']),
    }),
  );
  const remove = useMutation(
    trpc.company.removeClosure.mutationOptions({
      onSuccess: () => {
        setSummary(null);
        toast.success('Closure removed. Its days are planned again where their deadline is still ahead.');
        router.refresh();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const contractLabel = (id: string | null) => (id ? (contracts.find((c) => c.id === id)?.label ?? 'one contract') : null);

  return (
    <div className="space-y-4">
      {canEdit && (
        <Card title="Add a closure">
          <Form className="space-y-3" onSubmit={form.handleSubmit((input) => add.mutate(input))}>
            <FormError message={errors.root?.server?.message} />
            <TextField label="First closed day" type="date" error={errors.from?.message} {...form.register('from')} />
            <TextField label="Last closed day" type="date" error={errors.to?.message} {...form.register('to')} />
            <TextField
              label="Reason"
              maxLength={MAX_CLOSURE_REASON_LENGTH}
              placeholder="Christmas break"
              error={errors.reason?.message}
              {...form.register('reason')}
            />
            <SelectField
              label="Applies to"
              error={errors.contractId?.message}
              {...form.register('contractId', { setValueAs: (v: string) => (v ? v : undefined) })}
            >
              <option value="">The whole company</option>
              {contracts.map((c) => (
                <option key={c.id} value={c.id}>
                  Only the contract with {c.label}
                </option>
              ))}
            </SelectField>
            <p className="text-xs text-slate-600">
              Planned days inside it are cancelled while their deadline is ahead; the other party is told.
            </p>
            <Button type="submit" pending={add.isPending}>
              Add closure
            </Button>
            {summary && (
              <p role="status" data-testid="closure-outcome" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800">
                {summary}
              </p>
            )}
          </Form>
        </Card>
      )}
      <Card title="Closures">
        {closures.length === 0 ? (
          <p className="text-sm text-slate-700">No closures in this period.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {closures.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-200 p-2" data-testid="closure">
                <p className="font-medium text-slate-900">
                  {short(c.from)}
                  {c.to !== c.from && ` – ${short(c.to)}`}: {c.reason}
                </p>
                <p className="text-xs text-slate-600">
                  {c.own ? 'Your company' : c.companyName}
                  {c.contractId && ` · only ${contractLabel(c.contractId) ?? 'one contract'}`}
                </p>
                {c.own && canEdit && (
                  <Button
                    variant="ghost"
                    className="mt-1"
                    pending={remove.isPending && remove.variables?.id === c.id}
                    onClick={() => remove.mutate({ id: c.id })}
                  >
                    Remove closure
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
