'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { addDays } from '@/lib/dates';
import { ALLERGENS, ALLERGEN_LABELS, DIETS, DIET_LABELS, type Allergen } from '@/lib/enums';
import { formatDate } from '@/lib/format';
import { MAX_DISHES_PER_MENU, MAX_DISH_NAME_LENGTH } from '@/lib/limits';
import { setMenuInput, type MenuOutput } from '@/lib/schemas/menu';
import { useTRPC } from '@/lib/trpc';
import { errorMessage } from '@/lib/trpc-errors';

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
  const copy = useMutation(
    trpc.menu.copyWeek.mutationOptions({
      onSuccess: (result) => {
        toast.success(`Copied ${result.copied} ${result.copied === 1 ? 'day' : 'days'} from last week.`);
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
          onClick={() => copy.mutate({ contractId, fromWeekStart: addDays(weekStart, -7), toWeekStart: weekStart })}
        >
          Copy last week’s menus
        </Button>
        <span className="text-xs text-slate-600">Replaces this week’s menus with last week’s, day by day.</span>
      </div>
      <FormError message={copy.error ? errorMessage(copy.error) : null} />
      {dates.length === 0 && <p className="text-sm text-slate-700">This contract serves no day this week.</p>}
      {dates.map((date) => (
        <DayMenuForm key={`${date}:${JSON.stringify(byDate.get(date) ?? [])}`} contractId={contractId} date={date} dishes={byDate.get(date) ?? []} />
      ))}
    </div>
  );
}

type MenuForm = UseFormReturn<z.input<typeof setMenuInput>, unknown, z.output<typeof setMenuInput>>;

function DayMenuForm({ contractId, date, dishes }: { contractId: string; date: string; dishes: MenuOutput['dishes'] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const label = formatDate(date, { weekday: 'long', day: 'numeric', month: 'short' });
  const form: MenuForm = useSchemaForm(setMenuInput, { defaultValues: { contractId, date, dishes } });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'dishes' });
  const { errors } = form.formState;
  const save = useMutation(
    trpc.menu.set.mutationOptions({
      onSuccess: (menu) => {
        toast.success(menu ? `Menu for ${label} saved.` : `Menu for ${label} removed.`);
        router.refresh();
      },
      onError: (error) => showServerErrors(form, error, ['dishes', 'date']),
    }),
  );
  return (
    <section className="rounded-md border border-slate-200 p-3" aria-label={`Menu for ${label}`} data-testid="menu-day" data-date={date}>
      <Form onSubmit={form.handleSubmit((input) => save.mutate(input))} className="space-y-3">
        <h3 className="font-medium text-slate-900">{label}</h3>
        {fields.length === 0 && <p className="text-sm text-slate-600">No menu yet.</p>}
        {fields.map((field, index) => (
          <DishFields key={field.id} form={form} index={index} dayLabel={label} onRemove={() => remove(index)} />
        ))}
        <FormError message={errors.dishes?.message ?? errors.root?.server?.message} />
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

function DishFields({ form, index, dayLabel, onRemove }: { form: MenuForm; index: number; dayLabel: string; onRemove: () => void }) {
  const error = form.formState.errors.dishes?.[index];
  const allergens = (useWatch({ control: form.control, name: `dishes.${index}.allergens` }) ?? []) as Allergen[];
  return (
    <div className="space-y-2 rounded border border-slate-100 bg-slate-50 p-2" data-testid="dish">
      <div className="flex items-end gap-2">
        <TextField
          className="flex-1"
          label={`Dish ${index + 1} on ${dayLabel}`}
          maxLength={MAX_DISH_NAME_LENGTH}
          error={error?.name?.message}
          {...form.register(`dishes.${index}.name`)}
        />
        <Button variant="ghost" onClick={onRemove} aria-label={`Remove dish ${index + 1}`}>
          Remove
        </Button>
      </div>
      <fieldset>
        <legend className="text-xs font-medium text-slate-700">Suits</legend>
        <div className="flex flex-wrap gap-1">
          {DIETS.map((diet) => (
            <label key={diet} className="flex cursor-pointer items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1 text-xs has-[:checked]:border-emerald-700 has-[:checked]:bg-emerald-50">
              <input type="checkbox" value={diet} {...form.register(`dishes.${index}.diets`)} />
              {DIET_LABELS[diet]}
            </label>
          ))}
        </div>
      </fieldset>
      <details>
        <summary className="cursor-pointer text-xs font-medium text-slate-700">
          Allergens{allergens.length > 0 ? `: ${allergens.map((a) => ALLERGEN_LABELS[a].toLowerCase()).join(', ')}` : ' (none)'}
        </summary>
        <div className="mt-1 flex flex-wrap gap-1">
          {ALLERGENS.map((allergen) => (
            <label key={allergen} className="flex cursor-pointer items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1 text-xs has-[:checked]:border-amber-700 has-[:checked]:bg-amber-50">
              <input type="checkbox" value={allergen} {...form.register(`dishes.${index}.allergens`)} />
              {ALLERGEN_LABELS[allergen]}
            </label>
          ))}
        </div>
      </details>
    </div>
  );
}
