import { ALLERGEN_LABELS, DIET_LABELS, type Allergen, type Diet } from '@/lib/enums';

type Dish = { name: string; diets: Diet[]; allergens: Allergen[] };

/** A day's dishes with their diet (green) and allergen (amber) badges, for both parties. */
export function MenuDishes({ dishes, compact }: { dishes: Dish[]; compact?: boolean }) {
  if (dishes.length === 0) return null;
  return (
    <ul className={compact ? 'space-y-1 text-sm' : 'space-y-2 text-sm'} aria-label="Menu" data-testid="menu">
      {dishes.map((dish, i) => (
        <li key={i} className="flex flex-wrap items-baseline gap-1">
          <span className="font-medium text-slate-900">{dish.name}</span>
          {dish.diets.map((d) => (
            <span key={d} className="rounded bg-emerald-100 px-1.5 text-xs text-emerald-900">
              {DIET_LABELS[d]}
            </span>
          ))}
          {dish.allergens.length > 0 && (
            <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-950">
              Contains: {dish.allergens.map((a) => ALLERGEN_LABELS[a].toLowerCase()).join(', ')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
