// How the kitchen's day is written out, the same on the page, the PDF and the CSV.
import { ALLERGEN_LABELS, DIET_LABELS, type Allergen, type Diet } from '@/lib/enums';

type Dish = { name: string; diets: readonly Diet[]; allergens: readonly Allergen[] };

/** "Pierogi ruskie (vegetarian; contains gluten, milk)". */
export function describeDish(dish: Dish): string {
  const notes: string[] = [];
  if (dish.diets.length > 0) notes.push(dish.diets.map((d) => DIET_LABELS[d].toLowerCase()).join(', '));
  if (dish.allergens.length > 0) notes.push(`contains ${dish.allergens.map((a) => ALLERGEN_LABELS[a].toLowerCase()).join(', ')}`);
  return notes.length > 0 ? `${dish.name} (${notes.join('; ')})` : dish.name;
}

/** A day's dishes, one per line; "No menu" when none is published. */
export function describeMenu(dishes: readonly Dish[], separator = '\n'): string {
  return dishes.length === 0 ? 'No menu' : dishes.map(describeDish).join(separator);
}

/** "12:00 (Europe/Warsaw)": the delivery time on the client's clock, its zone named. */
export function describeDeliveryTime(time: string, timeZone: string): string {
  return `${time} (${timeZone})`;
}

/** "Paweł Wąsik, +48 601 234 567" or one of them or ''. */
export function describeSiteContact(d: { siteContactName: string | null; siteContactPhone: string | null }): string {
  return [d.siteContactName, d.siteContactPhone].filter(Boolean).join(', ');
}
