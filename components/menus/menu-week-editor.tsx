'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Controller, useFieldArray } from 'react-hook-form';
import { ChoiceChips } from '@/components/ui/choice-chips';
import { toast } from '@/lib/toast';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm, type SchemaLoader } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { addDays } from '@/lib/dates';
import { ALLERGENS, ALLERGEN_LABELS, DIETS, DIET_LABELS, type Allergen, type Diet } from '@/lib/enums';
import { formatDate } from '@/lib/format';
import { MAX_DISHES_PER_MENU, MAX_DISH_NAME_LENGTH } from '@/lib/limits';
import type { MenuOutput, setMenuInput } from '@/lib/schemas/menu';
import { useTRPC } from '@/lib/trpc';
import { errorMessage } from '@/lib/trpc-errors';

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

/**
 * One day's dishes, a react-hook-form field array checked with the procedure's own schema
 * (setMenuInput), so a dish's error shows beside it exactly as the server would word it.
 */
function DayMenuForm({ contractId, date, dishes }: { contractId: string; date: string; dishes: MenuOutput['dishes'] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const label = formatDate(date, { weekday: 'long', day: 'numeric', month: 'short' });
  const form = useSchemaForm(loadMenuSchema, { defaultValues: { contractId, date, dishes } });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'dishes' });
  const { errors } = form.formState;
  const save = useMutation(
    trpc.menu.set.mutationOptions({
      onSuccess: (menu) => {
        toast.success(menu ? `Menu for ${label} saved.` : `Menu for ${label} removed.`);
        router.refresh();
      },
      onError: (error) => showServerErrors(form, error, ['dishes', ...fields.map((_, i) => `dishes.${i}.name` as const)]),
    }),
  );
  const submit = form.handleSubmit((input) => save.mutate(input));
  return (
    <section className="rounded-md border border-slate-200 p-3" aria-label={`Menu for ${label}`} data-testid="menu-day" data-date={date}>
      <Form onSubmit={submit} className="space-y-3">
        <h3 className="font-medium text-slate-900">{label}</h3>
        {fields.length === 0 && <p className="text-sm text-slate-600">No menu yet.</p>}
        {fields.map((field, index) => (
          <div key={field.id} className="space-y-2 rounded border border-slate-100 bg-slate-50 p-2" data-testid="dish">
            <div className="flex items-end gap-2">
              <TextField
                className="flex-1"
                label={`Dish ${index + 1} on ${label}`}
                maxLength={MAX_DISH_NAME_LENGTH}
                error={errors.dishes?.[index]?.name?.message}
                {...form.register(`dishes.${index}.name`)}
              />
              <Button variant="ghost" onClick={() => remove(index)} aria-label={`Remove dish ${index + 1}`}>
                Remove
              </Button>
            </div>
            <Controller
              control={form.control}
              name={`dishes.${index}.diets`}
              render={({ field: diets }) => (
                <ChoiceChips small legend="Suits" options={DIETS} labels={DIET_LABELS} value={(diets.value ?? []) as Diet[]} onChange={diets.onChange} />
              )}
            />
            <Controller
              control={form.control}
              name={`dishes.${index}.allergens`}
              render={({ field: allergens }) => {
                const chosen = (allergens.value ?? []) as Allergen[];
                return (
                  <details>
                    <summary className="cursor-pointer text-xs font-medium text-slate-700">
                      Allergens{chosen.length > 0 ? `: ${chosen.map((a) => ALLERGEN_LABELS[a].toLowerCase()).join(', ')}` : ' (none)'}
                    </summary>
                    <div className="mt-1">
                      <ChoiceChips small tone="amber" legend="Contains" options={ALLERGENS} labels={ALLERGEN_LABELS} value={chosen} onChange={allergens.onChange} />
                    </div>
                  </details>
                );
              }}
            />
          </div>
        ))}
        <FormError message={errors.root?.server?.message ?? errors.dishes?.message ?? errors.dishes?.root?.message} />
        <div className="flex flex-wrap gap-2">
          {fields.length < MAX_DISHES_PER_MENU && (
            <Button variant="ghost" onClick={() => append({ name: '', diets: [], allergens: [] })}>
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
