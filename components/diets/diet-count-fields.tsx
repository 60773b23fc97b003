'use client';
import { useId } from 'react';
import { standardMeals, type DietCounts } from '@/lib/diets';
import { DIET_LABELS, type Diet } from '@/lib/enums';
import { ChoiceChips } from '@/components/ui/choice-chips';

type Props = {
  /** The diets to ask about (the contract's offered ones). */
  diets: readonly Diet[];
  value: DietCounts | undefined;
  onChange: (value: DietCounts) => void;
  /** The meal count the split is of: the standard meals are what is left. */
  quantity: number | undefined;
  /** Per-diet errors (`errors.diets.VEGAN`) and the split's own (`errors.diets`). */
  errors?: Partial<Record<Diet, string>>;
  error?: string;
  legend?: string;
};

/** Meals per special diet, with the standard meals that remain, for a phone: one small box per diet. */
export function DietCountFields({ diets, value = {}, onChange, quantity, errors, error, legend = 'Of these, special diets' }: Props) {
  const id = useId();
  if (diets.length === 0) return null;
  const standard = Number.isFinite(quantity) ? standardMeals(quantity!, value) : null;
  const set = (diet: Diet, raw: string) => {
    const count = raw === '' ? 0 : Number(raw);
    onChange({ ...value, [diet]: count });
  };
  return (
    <fieldset className="w-full" aria-describedby={error ? `${id}-error` : `${id}-standard`}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {diets.map((diet) => (
          <label key={diet} className="block text-sm text-slate-800">
            <span className="block">{DIET_LABELS[diet]}</span>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              name={`diets.${diet}`}
              value={value[diet] ?? 0}
              onChange={(e) => set(diet, e.target.value)}
              onFocus={(e) => e.target.select()}
              aria-invalid={errors?.[diet] ? true : undefined}
              className="mt-0.5 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base aria-invalid:border-red-600"
            />
            {errors?.[diet] && <span className="block text-xs text-red-700">{errors[diet]}</span>}
          </label>
        ))}
      </div>
      {standard !== null && (
        <p id={`${id}-standard`} className={standard < 0 ? 'mt-1 text-sm text-red-700' : 'mt-1 text-sm text-slate-700'} data-testid="standard-meals">
          {standard < 0 ? `${-standard} too many special-diet meals` : `${standard} standard meals`}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Checkboxes for the diets a contract offers. */
export function DietOptionsPicker({ all, value, onChange, error }: { all: readonly Diet[]; value: Diet[]; onChange: (v: Diet[]) => void; error?: string }) {
  return (
    <ChoiceChips
      legend="Special diets offered"
      hint="Standard meals are always offered; the client splits its count into these."
      options={all}
      labels={DIET_LABELS}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
