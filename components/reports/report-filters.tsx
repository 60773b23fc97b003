'use client';
import { useRouter } from 'next/navigation';
import { Form } from '@/components/forms/form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';

type Value = { contractId: string; from: string; to: string };

/** Contract and date range live in the URL, so a report can be bookmarked and shared. */
export function ReportFilters({ contracts, value }: { contracts: { id: string; label: string }[]; value: Value }) {
  const router = useRouter();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/report')).weeklyReportInput, { defaultValues: value });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((report) => router.push(`/reports?${new URLSearchParams(report).toString()}`));
  return (
    <Form
      onSubmit={onSubmit}
      className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end"
      aria-label="Choose the report"
    >
      <SelectField label="Contract" className="sm:col-span-2" error={errors.contractId?.message} {...form.register('contractId')}>
        {contracts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <TextField label="From" type="date" required error={errors.from?.message} {...form.register('from')} />
      <TextField label="To" type="date" required error={errors.to?.message} {...form.register('to')} />
      <Button type="submit" className="sm:col-start-4">
        Show report
      </Button>
    </Form>
  );
}
