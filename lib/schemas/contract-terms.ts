// Contract terms: the rules of one contract's numbers and dates, shared by the contract
// procedures, the service that re-validates merged terms, and the contract form.
import { z } from 'zod';
import { isValidDate } from '@/lib/dates';
import { NOTICE_MODES } from '@/lib/enums';
import {
  DEFAULT_CUTOFF_TIME,
  DEFAULT_DELIVERY_TIME,
  DEFAULT_NOTICE_BUSINESS_DAYS,
  DEFAULT_NOTICE_HOURS,
  MAX_DAILY_QUANTITY,
  MAX_NOTICE_BUSINESS_DAYS,
  MAX_NOTICE_HOURS,
  MAX_PRICE_PER_MEAL_CENTS,
  MIN_NOTICE_BUSINESS_DAYS,
} from '@/lib/limits';
import { dateSchema, timeOfDaySchema } from './common';
import { checkDietSplit, dietCountsSchema, dietOptionsSchema } from './diets';

// Declared in lib/limits, which forms import without zod.
export { DEFAULT_CUTOFF_TIME, DEFAULT_DELIVERY_TIME, DEFAULT_NOTICE_BUSINESS_DAYS, DEFAULT_NOTICE_HOURS, PROPOSED_NOTICE } from '@/lib/limits';

/** The terms a service day's confirmation deadline is computed from; changing one moves deadlines. */
export const DEADLINE_TERMS = ['noticeMode', 'noticeHours', 'noticeBusinessDays', 'cutoffTime', 'deliveryTime'] as const;

export const noticeModeSchema = z.enum(NOTICE_MODES, { error: 'Choose hours before delivery or business days.' });

function quantity(label: string) {
  return z
    .number(`${label} must be a number.`)
    .int(`${label} must be a whole number.`)
    .min(1, `${label} must be at least 1.`)
    .max(MAX_DAILY_QUANTITY, `${label} cannot be more than ${MAX_DAILY_QUANTITY}.`);
}

/**
 * Field-level rules only, without the cross-field checks and without defaults: an update's
 * omitted term keeps its stored value, so it must not be filled in with a default.
 */
export const contractTermFields = z.object({
  minDailyQuantity: quantity('Minimum daily quantity'),
  defaultQuantity: quantity('Default quantity'),
  maxQuantity: quantity('Maximum quantity'),
  noticeHours: z
    .number('Notice hours must be a number.')
    .int('Notice hours must be a whole number.')
    .min(0, 'Notice hours cannot be negative.')
    .max(MAX_NOTICE_HOURS, `Notice hours cannot be more than ${MAX_NOTICE_HOURS} (two weeks).`),
  noticeMode: noticeModeSchema,
  noticeBusinessDays: z
    .number('Notice in business days must be a number.')
    .int('Notice in business days must be a whole number.')
    .min(MIN_NOTICE_BUSINESS_DAYS, `Notice must be at least ${MIN_NOTICE_BUSINESS_DAYS} business day.`)
    .max(MAX_NOTICE_BUSINESS_DAYS, `Notice cannot be more than ${MAX_NOTICE_BUSINESS_DAYS} business days.`),
  cutoffTime: timeOfDaySchema('Cutoff time'),
  startDate: dateSchema('Start date'),
  endDate: dateSchema('End date'),
  serviceDays: z
    .array(
      z
        .number('Service days must be numbers.')
        .int('Service days must be whole numbers from 1 (Monday) to 7 (Sunday).')
        .min(1, 'Service days must be from 1 (Monday) to 7 (Sunday).')
        .max(7, 'Service days must be from 1 (Monday) to 7 (Sunday).'),
      'Service days must be a list of weekdays.',
    )
    .min(1, 'Choose at least one service day.')
    // Duplicates are harmless input noise; store one sorted set.
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  pricePerMealCents: z
    .number('Price per meal must be a number.')
    .int('Price per meal must be a whole number of cents.')
    .min(0, 'Price per meal cannot be negative.')
    .max(MAX_PRICE_PER_MEAL_CENTS, 'Price per meal is too large.'),
  deliveryTime: timeOfDaySchema('Delivery time'),
  /**
   * Meals removed by a late change (accepted after the deadline) are still billed at this share
   * of their price on the statement: 0 (free) to 100 (billed in full).
   */
  lateReductionChargePercent: z
    .number('The late reduction charge must be a number.')
    .int('The late reduction charge must be a whole percentage.')
    .min(0, 'The late reduction charge is 0 to 100 percent.')
    .max(100, 'The late reduction charge is 0 to 100 percent.'),
  /** Special diets the client may order (standard meals are implicit). */
  dietOptions: dietOptionsSchema,
  /** The split a new day starts with: offered diets only, at most the default quantity in all. */
  defaultDiets: dietCountsSchema,
});

/**
 * The terms of a new contract: field rules with their defaults, so callers can `.extend()` it
 * (e.g. with `clientEmail`) and then apply `checkContractTerms` themselves. A contract created
 * with `noticeHours` and no `noticeMode` has HOURS notice (the API stays compatible).
 */
export const contractTermsObject = contractTermFields.extend({
  noticeHours: contractTermFields.shape.noticeHours.default(DEFAULT_NOTICE_HOURS),
  noticeMode: noticeModeSchema.default('HOURS'),
  noticeBusinessDays: contractTermFields.shape.noticeBusinessDays.default(DEFAULT_NOTICE_BUSINESS_DAYS),
  cutoffTime: contractTermFields.shape.cutoffTime.default(DEFAULT_CUTOFF_TIME),
  deliveryTime: contractTermFields.shape.deliveryTime.default(DEFAULT_DELIVERY_TIME),
  dietOptions: contractTermFields.shape.dietOptions.default([]),
  defaultDiets: contractTermFields.shape.defaultDiets.default({}),
  lateReductionChargePercent: contractTermFields.shape.lateReductionChargePercent.default(0),
});

type CrossFieldTerms = Pick<
  z.output<typeof contractTermsObject>,
  'minDailyQuantity' | 'defaultQuantity' | 'maxQuantity' | 'startDate' | 'endDate'
> &
  Partial<Pick<z.output<typeof contractTermsObject>, 'dietOptions' | 'defaultDiets'>>;

/**
 * Cross-field rules, reported on the field a person would correct.
 * Zod may run this even when a single field already failed (those issues are "continuable"),
 * so each comparison first checks that both sides are usable.
 */
export function checkContractTerms(terms: CrossFieldTerms, ctx: z.RefinementCtx): void {
  const { minDailyQuantity: min, defaultQuantity: def, maxQuantity: max } = terms;
  const isQty = (n: unknown): n is number => Number.isInteger(n);
  if (isQty(min) && isQty(def) && def < min) {
    ctx.addIssue({
      code: 'custom',
      path: ['defaultQuantity'],
      message: `Default quantity (${def}) cannot be less than the minimum daily quantity (${min}).`,
    });
  }
  if (isQty(def) && isQty(max) && max < def) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxQuantity'],
      message: `Maximum quantity (${max}) cannot be less than the default quantity (${def}).`,
    });
  } else if (isQty(min) && isQty(max) && !isQty(def) && max < min) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxQuantity'],
      message: `Maximum quantity (${max}) cannot be less than the minimum daily quantity (${min}).`,
    });
  }
  const { startDate, endDate } = terms;
  if (isValidDate(startDate) && isValidDate(endDate) && endDate <= startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: `End date (${endDate}) must be after the start date (${startDate}).`,
    });
  }
  checkDietSplit(ctx, 'defaultDiets', {
    diets: terms.defaultDiets,
    offered: terms.dietOptions,
    quantity: isQty(def) ? def : undefined,
  });
}

/** Input schema for contract terms (tRPC): field rules + cross-field rules, serviceDays normalised. */
export const contractTermsSchema = contractTermsObject.superRefine(checkContractTerms);

export type ContractTermsInput = z.input<typeof contractTermsSchema>;
export type ContractTerms = z.output<typeof contractTermsSchema>;

