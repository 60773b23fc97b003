'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ChoiceChips } from '@/components/ui/choice-chips';
import { toast } from '@/lib/toast';
import { Form } from '@/components/forms/form';
import type { SchemaLoader } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { addDays } from '@/lib/dates';
import { ALLERGENS, ALLERGEN_LABELS, DIETS, DIET_LABELS, type Allergen, type Diet } from '@/lib/enums';
import { formatDate } from '@/lib/format';
import { MAX_DISHES_PER_MENU, MAX_DISH_NAME_LENGTH } from '@/lib/limits';
import type { MenuOutput, setMenuInput } from '@/lib/schemas/menu';
import { prefetchWhenIdle } from '@/lib/prefetch-when-idle';
import { useTRPC } from '@/lib/trpc';
import { errorMessage, fieldErrors } from '@/lib/trpc-errors';

const loadMenuSchema: SchemaLoader<typeof setMenuInput> = async () => (await import('@/lib/schemas/menu')).setMenuInput;

type Props = {
  contractId: string;
  weekStart: string;
  /** The dates of the week the contract serves (its weekdays, inside its period). */
  dates: string[];
  menus: MenuOutput[];
};

/** The caterer's week of menus for one contract: copy last week, then edit a dish and save its day. */
export function MenuWeekEditor({ contractId, weekStart, dates, menus }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const byDate = new Map(menus.map((m) => [m.date, m.dishes]));
  // Copying fills empty days only (the server's rule): with none left there is nothing to copy.
  const emptyDays = dates.filter((d) => !byDate.has(d)).length;
  const copy = useMutation(
    trpc.menu.copyWeek.mutationOptions({
      onSuccess: (result) => {
        const kept = result.keptDates.length;
        toast.success(
          `Copied ${result.copied} ${result.copied === 1 ? 'day' : 'days'} from last week.` +
            (kept > 0 ? ` ${kept} ${kept === 1 ? 'day' : 'days'} already had a menu and stayed as ${kept === 1 ? 'it was' : 'they were'}.` : ''),
        );
        router.refresh();
      },
    }),
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          pending={copy.isPending}
          disabled={emptyDays === 0}
          onClick={() => {
            if (!copy.isPending) copy.mutate({ contractId, fromWeekStart: addDays(weekStart, -7), toWeekStart: weekStart });
          }}
        >
          Copy last week’s menus
        </Button>
        <span className="text-xs text-slate-600">
          {emptyDays === 0
            ? 'Every day of this week has a menu; edit a day to change it.'
            : 'Fills the days of this week that have no menu yet; days you have set stay as they are.'}
        </span>
      </div>
      <FormError message={copy.error ? errorMessage(copy.error) : null} />
      {dates.length === 0 && <p className="text-sm text-slate-700">This contract serves no day this week.</p>}
      {dates.map((date) => (
        <DayMenuForm key={`${date}:${JSON.stringify(byDate.get(date) ?? [])}`} contractId={contractId} date={date} dishes={byDate.get(date) ?? []} />
      ))}
    </div>
  );
}

type Dish = { name: string; diets: Diet[]; allergens: Allergen[] };

/**
 * One day's dishes. The list is plain React state (dishes come and go, each with two sets of
 * chips); on save it is checked with the procedure's own schema (setMenuInput), so a dish's
 * error shows beside it exactly as the server would word it.
 */
function DayMenuForm({ contractId, date, dishes }: { contractId: string; date: string; dishes: MenuOutput['dishes'] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const label = formatDate(date, { weekday: 'long', day: 'numeric', month: 'short' });
  const [list, setList] = useState<Dish[]>(dishes);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = (index: number, patch: Partial<Dish>) => setList((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const save = useMutation(
    trpc.menu.set.mutationOptions({
      onSuccess: (menu) => {
        toast.success(menu ? `Menu for ${label} saved.` : `Menu for ${label} removed.`);
        router.refresh();
      },
      onError: (error) => setErrors({ ...fieldErrors(error), ...(Object.keys(fieldErrors(error)).length === 0 ? { '': errorMessage(error) } : {}) }),
    }),
  );
  useEffect(() => prefetchWhenIdle(loadMenuSchema), []);
  const submit = async () => {
    const parsed = (await loadMenuSchema()).safeParse({ contractId, date, dishes: list });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };
  return (
    <section className="rounded-md border border-slate-200 p-3" aria-label={`Menu for ${label}`} data-testid="menu-day" data-date={date}>
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="space-y-3"
      >
        <h3 className="font-medium text-slate-900">{label}</h3>
        {list.length === 0 && <p className="text-sm text-slate-600">No menu yet.</p>}
        {list.map((dish, index) => (
          <DishFields
            key={index}
            dish={dish}
            index={index}
            dayLabel={label}
            error={errors[`dishes.${index}.name`]}
            onChange={(patch) => change(index, patch)}
            onRemove={() => setList((all) => all.filter((_, i) => i !== index))}
          />
        ))}
        <FormError message={errors.dishes ?? errors['']} />
        <div className="flex flex-wrap gap-2">
          {list.length < MAX_DISHES_PER_MENU && (
            <Button variant="ghost" onClick={() => setList((all) => [...all, { name: '', diets: [], allergens: [] }])}>
              Add a dish
            </Button>
          )}
          <Button type="submit" pending={save.isPending}>
            Save {label}
          </Button>
        </div>
      </Form>
    </section>
  );
}

function DishFields(props: { dish: Dish; index: number; dayLabel: string; error?: string; onChange: (patch: Partial<Dish>) => void; onRemove: () => void }) {
  const { dish, index, dayLabel, error, onChange, onRemove } = props;
  return (
    <div className="space-y-2 rounded border border-slate-100 bg-slate-50 p-2" data-testid="dish">
      <div className="flex items-end gap-2">
        <TextField
          className="flex-1"
          label={`Dish ${index + 1} on ${dayLabel}`}
          maxLength={MAX_DISH_NAME_LENGTH}
          value={dish.name}
          onChange={(e) => onChange({ name: e.target.value })}
          error={error}
        />
        <Button variant="ghost" onClick={onRemove} aria-label={`Remove dish ${index + 1}`}>
          Remove
        </Button>
      </div>
      <ChoiceChips small legend="Suits" options={DIETS} labels={DIET_LABELS} value={dish.diets} onChange={(diets) => onChange({ diets })} />
      <details>
        <summary className="cursor-pointer text-xs font-medium text-slate-700">
          Allergens{dish.allergens.length > 0 ? `: ${dish.allergens.map((a) => ALLERGEN_LABELS[a].toLowerCase()).join(', ')}` : ' (none)'}
        </summary>
        <div className="mt-1">
          <ChoiceChips
            small
            tone="amber"
            legend="Contains"
            options={ALLERGENS}
            labels={ALLERGEN_LABELS}
            value={dish.allergens}
            onChange={(allergens) => onChange({ allergens })}
          />
        </div>
      </details>
    </div>
  );
}
