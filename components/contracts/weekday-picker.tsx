'use client';
import { WEEKDAY_NAMES } from '@/lib/dates';

/** Checkboxes for ISO weekdays 1 (Monday) … 7 (Sunday). */
export function WeekdayPicker({
  value,
  onChange,
  error,
  legend = 'Service days',
}: {
  value: number[];
  onChange: (days: number[]) => void;
  error?: string;
  legend?: string;
}) {
  const toggle = (day: number, on: boolean) =>
    onChange(on ? [...new Set([...value, day])].sort((a, b) => a - b) : value.filter((d) => d !== day));
  return (
    <fieldset aria-describedby={error ? 'weekday-error' : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {WEEKDAY_NAMES.map((label, index) => {
          const day = index + 1;
          return (
            <label
              key={day}
              className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-emerald-700 has-[:checked]:bg-emerald-50"
            >
              <input type="checkbox" checked={value.includes(day)} onChange={(e) => toggle(day, e.target.checked)} />
              <span aria-hidden>{label.slice(0, 3)}</span>
              <span className="sr-only">{label}</span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id="weekday-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
