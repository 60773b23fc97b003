import { z } from 'zod';
import { dietSplitIssues, normaliseDiets, type DietCounts } from '@/lib/diets';
import { DIETS, type Diet } from '@/lib/enums';
import { MAX_DAILY_QUANTITY } from '@/lib/limits';

export const dietSchema = z.enum(DIETS, { error: `Diets are ${DIETS.join(', ')}.` });

/** The diets a contract offers: a set, kept in the order of DIETS. */
export const dietOptionsSchema = z
  .array(dietSchema, 'Diet options must be a list of diets.')
  .max(DIETS.length)
  .transform((diets) => DIETS.filter((d) => diets.includes(d)));

const dietCount = z
  .number('Meals per diet must be a number.')
  .int('Meals per diet must be a whole number.')
  .min(0, 'Meals per diet cannot be negative.')
  .max(MAX_DAILY_QUANTITY, `Meals per diet cannot be more than ${MAX_DAILY_QUANTITY}.`);

/** `{VEGAN: 3, …}`: meals per special diet; zeros are dropped. */
export const dietCountsSchema = z
  .partialRecord(dietSchema, dietCount, 'Diets must be an object such as {"VEGAN": 3}.')
  .transform((diets): DietCounts => normaliseDiets(diets));

/**
 * Reports the split rule (lib/diets) on the field a person would correct: `<path>.<DIET>` for
 * one diet, `<path>` for the sum. For superRefine; it skips values that already failed.
 */
export function checkDietSplit(
  ctx: z.RefinementCtx,
  path: string,
  split: { diets: DietCounts | undefined; offered: readonly Diet[] | undefined; quantity: unknown },
): void {
  const { diets, offered, quantity } = split;
  if (!diets || !offered || typeof quantity !== 'number') return;
  // A count that is not a whole number ≥ 0 already failed its own field rule.
  if (Object.values(diets).some((n) => !Number.isInteger(n) || (n as number) < 0)) return;
  for (const issue of dietSplitIssues(diets, offered, quantity)) {
    ctx.addIssue({ code: 'custom', path: issue.diet ? [path, issue.diet] : [path], message: issue.message });
  }
}
