// The diet split of a meal count: how many of the meals are for each special diet; the rest
// are standard. One rule, used by the contract terms (default split), the confirmation
// procedures and their forms.
import { DIETS, DIET_LABELS, type Diet } from '@/lib/enums';

/** Meals per special diet; a diet that is absent (or 0) has no meals. */
export type DietCounts = Partial<Record<Diet, number>>;

export interface DietSplitIssue {
  /** The diet whose count is wrong, or null for the split as a whole (its sum). */
  diet: Diet | null;
  message: string;
}

export function dietTotal(diets: DietCounts): number {
  return DIETS.reduce((sum, diet) => sum + (diets[diet] ?? 0), 0);
}

/** The meals that are not for a special diet. */
export function standardMeals(quantity: number, diets: DietCounts): number {
  return quantity - dietTotal(diets);
}

/** The split without empty diets, in the order of DIETS (so equal splits compare equal). */
export function normaliseDiets(diets: DietCounts): DietCounts {
  const out: DietCounts = {};
  for (const diet of DIETS) {
    const count = diets[diet];
    if (count) out[diet] = count;
  }
  return out;
}

/** The split limited to the diets offered (a diet no longer offered is dropped). */
export function offeredOnly(diets: DietCounts, offered: readonly Diet[]): DietCounts {
  return normaliseDiets(Object.fromEntries(Object.entries(diets).filter(([d]) => offered.includes(d as Diet))));
}

/**
 * What is wrong with a split of `quantity` meals under a contract offering `offered` diets:
 * only offered diets, each a whole number ≥ 0, their sum at most the quantity (the rest are
 * standard meals). Empty: the split is valid.
 */
export function dietSplitIssues(diets: DietCounts, offered: readonly Diet[], quantity: number): DietSplitIssue[] {
  const issues: DietSplitIssue[] = [];
  for (const [key, count] of Object.entries(diets) as [Diet, number | undefined][]) {
    if (count === undefined) continue;
    if (!(DIETS as readonly string[]).includes(key)) {
      issues.push({ diet: null, message: `${key} is not a diet ChefOps knows.` });
    } else if (!Number.isInteger(count) || count < 0) {
      issues.push({ diet: key, message: `${DIET_LABELS[key]} meals must be a whole number, 0 or more.` });
    } else if (count > 0 && !offered.includes(key)) {
      issues.push({ diet: key, message: `${DIET_LABELS[key]} meals are not offered by this contract.` });
    }
  }
  if (issues.length > 0) return issues;
  const total = dietTotal(diets);
  if (Number.isInteger(quantity) && total > quantity) {
    issues.push({
      diet: null,
      message: `The special diets add up to ${total} meals, more than the ${quantity} meals in total.`,
    });
  }
  return issues;
}

/** "100 standard · 14 vegetarian · 6 gluten-free" (standard first; only diets with meals). */
export function describeDietSplit(quantity: number, diets: DietCounts): string {
  const parts = [`${standardMeals(quantity, diets)} standard`];
  for (const diet of DIETS) {
    const count = diets[diet];
    if (count) parts.push(`${count} ${DIET_LABELS[diet].toLowerCase()}`);
  }
  return parts.join(' · ');
}
