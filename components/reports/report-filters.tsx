'use client';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';

type Value = { contractId: string; from: string; to: string };

/** Contract and date range live in the URL, so a report can be bookmarked and shared. */
export function ReportFilters({ contracts, value }: { contracts: { id: string; label: string }[]; value: Value }) {
  const router = useRouter();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const key of ['contractId', 'from', 'to'] as const) {
      const v = String(form.get(key) ?? '');
      if (v) params.set(key, v);
    }
    router.push(`/reports?${params.toString()}`);
  }
  return (
    <form
      onSubmit={onSubmit}
      method="get"
      action="/reports"
      className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end"
      aria-label="Choose the report"
    >
      <SelectField label="Contract" name="contractId" defaultValue={value.contractId} className="sm:col-span-2">
        {contracts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <TextField label="From" name="from" type="date" required defaultValue={value.from} />
      <TextField label="To" name="to" type="date" required defaultValue={value.to} />
      <Button type="submit" className="sm:col-start-4">
        Show report
      </Button>
    </form>
  );
}
