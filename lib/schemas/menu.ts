import { z } from 'zod';
import { isValidDate, isoWeekday } from '@/lib/dates';
import { ALLERGENS, DIETS } from '@/lib/enums';
import { MAX_DISHES_PER_MENU, MAX_DISH_NAME_LENGTH, MAX_MENU_RANGE_DAYS } from '@/lib/limits';
import { checkDateRange, dateSchema, textSchema, uuidSchema } from './common';
import { dietSchema } from './diets';

export const allergenSchema = z.enum(ALLERGENS, { error: `Allergens are the 14 of EU Regulation 1169/2011: ${ALLERGENS.join(', ')}.` });

/** A set in the declared order (duplicates are harmless input noise). */
function setOf<T extends string>(values: readonly T[], item: z.ZodType<T>, what: string) {
  return z
    .array(item, `${what} must be a list.`)
    .max(values.length)
    .transform((chosen) => values.filter((v) => chosen.includes(v)));
}

export const dishSchema = z.object({
  name: textSchema('Name the dish.', MAX_DISH_NAME_LENGTH),
  /** The special diets the dish suits. */
  diets: setOf(DIETS, dietSchema, 'Diets').default([]),
  /** The allergens it contains (EU Annex II). */
  allergens: setOf(ALLERGENS, allergenSchema, 'Allergens').default([]),
});
export type DishInput = z.input<typeof dishSchema>;

/** `dishes: []` removes the day's menu. */
export const setMenuInput = z.object({
  contractId: uuidSchema,
  date: dateSchema('The date'),
  dishes: z.array(dishSchema).max(MAX_DISHES_PER_MENU, `A menu has at most ${MAX_DISHES_PER_MENU} dishes.`),
});
export type SetMenuInput = z.output<typeof setMenuInput>;

export const listMenusInput = z
  .object({ contractId: uuidSchema, from: dateSchema('The start date'), to: dateSchema('The end date') })
  .superRefine((range, ctx) => checkDateRange(range, ctx, MAX_MENU_RANGE_DAYS));

const weekStart = (label: string) =>
  dateSchema(label).refine((d) => !isValidDate(d) || isoWeekday(d) === 1, `${label} must be a Monday (weeks start on Monday).`);

export const copyWeekInput = z
  .object({ contractId: uuidSchema, fromWeekStart: weekStart('The week to copy'), toWeekStart: weekStart('The week to fill') })
  .refine((w) => w.fromWeekStart !== w.toWeekStart, { path: ['toWeekStart'], message: 'Choose another week to fill.' });

export const dishOutput = z.object({
  name: z.string(),
  diets: z.array(dietSchema),
  allergens: z.array(allergenSchema),
});
export const menuOutput = z.object({
  contractId: z.uuid(),
  /** 'YYYY-MM-DD' (the client's calendar). */
  date: z.string(),
  dishes: z.array(dishOutput),
  updatedAt: z.date(),
});
export type MenuOutput = z.output<typeof menuOutput>;
export const menuListOutput = z.array(menuOutput);
export const copyWeekOutput = z.object({
  /** Days of the target week that were empty and now have the copied menu. */
  copied: z.number().int(),
  /** Days of the target week that already had a menu: kept as they were (copying fills empty days only). */
  keptDates: z.array(z.string()),
  /** Dates of the source week whose menu could not be copied (outside the contract's period). */
  skippedDates: z.array(z.string()),
  menus: menuListOutput,
});
