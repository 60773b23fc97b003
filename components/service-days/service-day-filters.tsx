'use client';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';

type Value = { contractId: string; from: string; to: string; status: string };

/** Filters live in the URL, so a filtered view can be bookmarked and shared. */
export function ServiceDayFilters({ contracts, value }: { contracts: { id: string; label: string }[]; value: Value }) {
  const router = useRouter();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const key of ['contractId', 'from', 'to', 'status'] as const) {
      const v = String(form.get(key) ?? '');
      if (v) params.set(key, v);
    }
    router.push(`/service-days?${params.toString()}`);
  }
  return (
    <form onSubmit={onSubmit} className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5 sm:items-end" aria-label="Filter service days">
      <SelectField label="Contract" name="contractId" defaultValue={value.contractId} className="sm:col-span-2">
        <option value="">All contracts</option>
        {contracts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <TextField label="From" name="from" type="date" defaultValue={value.from} />
      <TextField label="To" name="to" type="date" defaultValue={value.to} />
      <SelectField label="Status" name="status" defaultValue={value.status}>
        <option value="">Any status</option>
        <option value="PENDING">To confirm</option>
        <option value="EXPECTED_CONFIRMED">Confirmed</option>
        <option value="SERVED_CONFIRMED">Served</option>
        <option value="DISPUTED">Disputed</option>
      </SelectField>
      <Button type="submit" className="sm:col-start-5">
        Show days
      </Button>
    </form>
  );
}
