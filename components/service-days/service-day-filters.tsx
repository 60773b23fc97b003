'use client';
import { useRouter } from 'next/navigation';
import { Form } from '@/components/forms/form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { statusLabel } from '@/components/ui/status-badge';
import { SERVICE_DAY_STATUSES, type ServiceDayStatus } from '@/lib/enums';

type Value = { contractId?: string; from: string; to: string; status?: ServiceDayStatus };
const emptyToUndefined = (v: string) => v || undefined;

/** Filters live in the URL, so a filtered view can be bookmarked and shared. */
export function ServiceDayFilters({ contracts, value }: { contracts: { id: string; label: string }[]; value: Value }) {
  const router = useRouter();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/service-day')).listServiceDaysInput, { defaultValues: value });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((filters) => {
    const params = new URLSearchParams();
    for (const [key, v] of Object.entries(filters)) if (v) params.set(key, v);
    router.push(`/service-days?${params.toString()}`);
  });
  return (
    <Form
      onSubmit={onSubmit}
      className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5 sm:items-end"
      aria-label="Filter service days"
    >
      <SelectField label="Contract" className="sm:col-span-2" {...form.register('contractId', { setValueAs: emptyToUndefined })}>
        <option value="">All contracts</option>
        {contracts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <TextField label="From" type="date" error={errors.from?.message} {...form.register('from')} />
      <TextField label="To" type="date" error={errors.to?.message} {...form.register('to')} />
      <SelectField label="Status" {...form.register('status', { setValueAs: emptyToUndefined })}>
        <option value="">Any status</option>
        {SERVICE_DAY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" className="sm:col-start-5">
        Show days
      </Button>
    </Form>
  );
}
