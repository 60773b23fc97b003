'use client';
import { cn } from './cn';

type Props<T extends string> = {
  legend: string;
  /** Every choice, in the order shown (and kept in the value). */
  options: readonly T[];
  labels: Record<T, string>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  hint?: string;
  error?: string;
  small?: boolean;
  tone?: 'emerald' | 'amber';
};

/** A set of choices as checkbox chips (diets, allergens): big enough to tap on a phone. */
export function ChoiceChips<T extends string>({ legend, options, labels, value, onChange, hint, error, small, tone = 'emerald' }: Props<T>) {
  const toggle = (choice: T, on: boolean) => onChange(options.filter((o) => (o === choice ? on : value.includes(o))));
  return (
    <fieldset>
      <legend className={cn('mb-1 font-medium text-slate-800', small ? 'text-xs' : 'text-sm')}>{legend}</legend>
      {hint && <p className="mb-2 text-xs text-slate-600">{hint}</p>}
      <div className="flex flex-wrap gap-1.5">
        {options.map((choice) => (
          <label
            key={choice}
            className={cn(
              'flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white',
              small ? 'px-2 py-1 text-xs' : 'min-h-10 px-3 py-2 text-sm',
              tone === 'emerald' ? 'has-[:checked]:border-emerald-700 has-[:checked]:bg-emerald-50' : 'has-[:checked]:border-amber-700 has-[:checked]:bg-amber-50',
            )}
          >
            <input type="checkbox" checked={value.includes(choice)} onChange={(e) => toggle(choice, e.target.checked)} />
            {labels[choice]}
          </label>
        ))}
      </div>
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
