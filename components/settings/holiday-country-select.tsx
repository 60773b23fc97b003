'use client';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { SelectField } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';

/**
 * The public-holiday calendar: a country or one of its regions, with a search box that narrows
 * the list (there are some two thousand). '' in the select means none.
 */
export function HolidayCountrySelect({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const options = useQuery({ ...trpc.company.holidayCountries.queryOptions(), staleTime: Infinity }).data ?? [];
  const needle = search.trim().toLowerCase();
  const shown = options.filter(
    (o) => o.code === value || !needle || o.name.toLowerCase().includes(needle) || o.code.toLowerCase().startsWith(needle),
  );
  if (value && !shown.some((o) => o.code === value)) shown.unshift({ code: value, name: value });
  return (
    <div className="space-y-1">
      <label htmlFor={searchId} className="block text-sm font-medium text-slate-800">
        Search holiday calendars
      </label>
      <input
        id={searchId}
        type="search"
        value={search}
        disabled={disabled}
        placeholder="e.g. Poland, Bavaria"
        onChange={(e) => setSearch(e.target.value)}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
      />
      <SelectField
        label="Public holidays"
        name="holidayCountry"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        error={error}
        disabled={disabled}
        hint="Public holidays count as closures: no meals are planned on them and they are not business days."
      >
        <option value="">None</option>
        {shown.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name} ({o.code})
          </option>
        ))}
      </SelectField>
    </div>
  );
}
