'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import type { StatementOutput } from '@/lib/schemas/statement';
import { errorMessage } from '@/lib/trpc-errors';
import { useTRPC } from '@/lib/trpc';

/** Issue a draft (optionally leaving its unsettled days off), or record the payment of an issued one. */
export function StatementActions({ statement, today }: { statement: StatementOutput; today: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [leaveOff, setLeaveOff] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocking = statement.content.blocking;
  const issue = useMutation(
    trpc.statement.issue.mutationOptions({
      onSuccess: (s) => {
        toast.success(`Statement ${s.number} issued; the client is told.`);
        router.refresh();
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  const form = useSchemaForm(async () => (await import('@/lib/schemas/statement')).markStatementPaidInput, { defaultValues: { id: statement.id, paidOn: today } });
  const { errors } = form.formState;
  const paid = useMutation(
    trpc.statement.markPaid.mutationOptions({
      onSuccess: () => {
        toast.success('Payment recorded.');
        router.refresh();
      },
      onError: (e) => showServerErrors(form, e, ['paidOn']),
    }),
  );
  if (statement.status === 'DRAFT' && statement.canIssue) {
    return (
      <div className="space-y-2">
        {blocking.length > 0 && (
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={leaveOff} onChange={(e) => setLeaveOff(e.target.checked)} />
            Leave the {blocking.length === 1 ? 'unsettled day' : `${blocking.length} unsettled days`} off this statement (they stay billable later)
          </label>
        )}
        <Button
          pending={issue.isPending}
          disabled={blocking.length > 0 && !leaveOff}
          onClick={() => issue.mutate({ id: statement.id, excludeServiceDayIds: leaveOff ? blocking.map((b) => b.serviceDayId) : undefined })}
        >
          Issue statement
        </Button>
        <FormError message={error} />
      </div>
    );
  }
  if (statement.canMarkPaid) {
    return (
      <Form onSubmit={form.handleSubmit((input) => paid.mutate(input))} className="flex flex-wrap items-end gap-2">
        <TextField label="Paid on" type="date" error={errors.paidOn?.message} {...form.register('paidOn')} />
        <Button type="submit" variant="secondary" pending={paid.isPending}>
          Mark paid
        </Button>
        <FormError message={errors.root?.server?.message} />
      </Form>
    );
  }
  return null;
}

