'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { FormError, SelectField, TextField } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';

/** The caterer ADMIN opens a month's statement for one client (a draft that follows the days). */
export function NewStatementForm({ clients, month }: { clients: { id: string; name: string }[]; month: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/statement')).createStatementInput, { defaultValues: { clientId: clients[0]?.id ?? '', month } });
  const { errors } = form.formState;
  const create = useMutation(
    trpc.statement.create.mutationOptions({
      onSuccess: (statement) => router.push(`/statements/${statement.id}`),
      onError: (error) => showServerErrors(form, error, ['clientId', 'month']),
    }),
  );
  return (
    <Form onSubmit={form.handleSubmit((input) => create.mutate(input))} className="flex flex-wrap items-end gap-3">
      <SelectField label="Client" error={errors.clientId?.message} {...form.register('clientId')}>
        {clients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Month" type="month" error={errors.month?.message} {...form.register('month')} />
      <Button type="submit" pending={create.isPending}>
        Prepare statement
      </Button>
      <FormError message={errors.root?.server?.message} />
    </Form>
  );
}
