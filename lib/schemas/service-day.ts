import { z } from 'zod';
import { CONTRACT_STATUSES, DIETS, SERVICE_DAY_STATUSES } from '@/lib/enums';
import { MAX_BATCH_ITEMS, MAX_DAILY_QUANTITY, MAX_LIST_RANGE_DAYS } from '@/lib/limits';
import { checkDateRange, dateSchema, textSchema, uuidSchema } from './common';
import { checkDietSplit, dietCountsSchema, dietSchema } from './diets';
import { dishOutput } from './menu';

export const serviceDayStatusSchema = z.enum(SERVICE_DAY_STATUSES);

const quantitySchema = z
  .number('Quantity must be a number.')
  .int('Quantity must be a whole number.')
  .min(0, 'Quantity cannot be negative.')
  .max(MAX_DAILY_QUANTITY, `Quantity cannot be more than ${MAX_DAILY_QUANTITY}.`);

export const listServiceDaysInput = z
  .object({
    contractId: uuidSchema.optional(),
    from: dateSchema('The start date'),
    to: dateSchema('The end date'),
    status: serviceDayStatusSchema.optional(),
  })
  .superRefine((range, ctx) => checkDateRange(range, ctx, MAX_LIST_RANGE_DAYS));
export type ListServiceDaysInput = z.output<typeof listServiceDaysInput>;

export const confirmQuantityInput = z.object({ id: uuidSchema, quantity: quantitySchema });
export type ConfirmQuantityInput = z.output<typeof confirmQuantityInput>;

/**
 * The client's headcount, optionally with its diet split (`{VEGAN: 3}`; the rest standard).
 * Here: whole numbers ≥ 0 adding up to at most the quantity; which diets the contract offers is
 * checked by the service (lib/diets holds the one rule). Without `diets` the day keeps its split.
 */
export const confirmExpectedInput = z
  .object({ id: uuidSchema, quantity: quantitySchema, diets: dietCountsSchema.optional() })
  .superRefine((item, ctx) => checkDietSplit(ctx, 'diets', { diets: item.diets, offered: DIETS, quantity: item.quantity }));
export type ConfirmExpectedInput = z.output<typeof confirmExpectedInput>;

/**
 * A served count above the contract's maximum or under half the expected quantity is refused
 * (PRECONDITION_FAILED on `quantity`) unless `confirmOutlier: true` (lib/served-count.ts).
 */
export const confirmServedInput = confirmQuantityInput.extend({ confirmOutlier: z.boolean().optional() });
export type ConfirmServedInput = z.output<typeof confirmServedInput>;

/** After the deadline, until delivery: the client asks the caterer for another count (and split). */
export const requestChangeInput = z
  .object({ id: uuidSchema, quantity: quantitySchema, diets: dietCountsSchema.optional(), reason: textSchema('Tell the caterer why the count changes.') })
  .superRefine((item, ctx) => checkDietSplit(ctx, 'diets', { diets: item.diets, offered: DIETS, quantity: item.quantity }));
export type RequestChangeInput = z.output<typeof requestChangeInput>;

/** The caterer accepts (applies the count, capacity permitting) or declines a day's change request. */
export const answerChangeInput = z.object({
  id: uuidSchema,
  accept: z.boolean('Say whether you accept the change.'),
  note: z.string().trim().max(1000, 'At most 1000 characters.').optional(),
});
export type AnswerChangeInput = z.output<typeof answerChangeInput>;

/** The caterer's correction of its own served count, within 24 hours, with the reason. */
export const correctServedInput = z.object({ id: uuidSchema, quantity: quantitySchema, note: textSchema('Say why the count changes.') });

export const confirmExpectedBatchInput = z.object({
  items: z
    .array(confirmExpectedInput)
    .min(1, 'Choose at least one day.')
    .max(MAX_BATCH_ITEMS, `At most ${MAX_BATCH_ITEMS} days at once.`)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'Each day may appear only once.'),
});

/** The caterer's served counts of many days (a date's grid), all or nothing. */
export const confirmServedBatchInput = z.object({
  items: z
    .array(confirmServedInput)
    .min(1, 'Choose at least one day.')
    .max(MAX_BATCH_ITEMS, `At most ${MAX_BATCH_ITEMS} days at once.`)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'Each day may appear only once.'),
});

export const disputeInput = z.object({
  id: uuidSchema,
  reason: textSchema('Give a reason.'),
});

export const resolveDisputeInput = z.object({
  id: uuidSchema,
  servedQuantity: quantitySchema,
  note: textSchema('Add a note.'),
});

export const serviceDayOutput = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  contractStatus: z.enum(CONTRACT_STATUSES),
  /** 'YYYY-MM-DD' in the client's time zone. */
  serviceDate: z.string(),
  /** ISO weekday, 1 = Monday. */
  dayOfWeek: z.number().int().min(1).max(7),
  status: serviceDayStatusSchema,
  expectedQuantity: z.number().int(),
  /** Of the expected meals, how many per special diet; the rest are standard. */
  diets: dietCountsSchema,
  /** The diets the contract offers (what the client may split into). */
  dietOptions: z.array(dietSchema),
  /**
   * For an open day not confirmed yet: the split of the same weekday a week before, the
   * suggestion "confirm week" starts from; null when there is none.
   */
  suggestedDiets: dietCountsSchema.nullable(),
  /**
   * On an open day (its deadline ahead): the median served count of the contract's last 8 same
   * weekdays, clamped to [min, max]; null with fewer than 3. The form and "Confirm week" start
   * from it on a day nobody has confirmed yet; `suggestedQuantityReason` says why.
   */
  suggestedQuantity: z.number().int().nullable(),
  suggestedQuantityReason: z.string().nullable(),
  /** The caterer's menu of the day (empty: none published). */
  menu: z.array(dishOutput),
  expectedQuantityConfirmedAt: z.date().nullable(),
  /** True when the quantity was locked by the deadline rather than confirmed by a person. */
  expectedAutoLocked: z.boolean(),
  servedQuantity: z.number().int().nullable(),
  servedQuantityConfirmedAt: z.date().nullable(),
  /** The caterer's first served count, kept once a correction or a dispute changed it. */
  originalServedQuantity: z.number().int().nullable(),
  /** The caterer's own correction (within 24 h of confirming): why and when. */
  servedCorrectionNote: z.string().nullable(),
  servedCorrectedAt: z.date().nullable(),
  disputeReason: z.string().nullable(),
  disputedAt: z.date().nullable(),
  disputeResolutionNote: z.string().nullable(),
  disputeResolvedAt: z.date().nullable(),
  /** CANCELLED days: the reason of the closure (or holiday) that cancelled it. */
  cancellationReason: z.string().nullable(),
  minDailyQuantity: z.number().int(),
  maxQuantity: z.number().int(),
  pricePerMealCents: z.number().int(),
  /** The price in force on the service date, in the contract's currency (ISO 4217). */
  currency: z.string().length(3),
  /** The instant until which the client may set the expected quantity (exclusive). */
  deadline: z.date(),
  cateringId: z.uuid(),
  cateringName: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  clientTimeZone: z.string(),
  /** served × price once served is confirmed, else expected × price (an estimate). */
  costCents: z.number().int(),
  costIsEstimate: z.boolean(),
  canConfirmExpected: z.boolean(),
  canConfirmServed: z.boolean(),
  canDispute: z.boolean(),
  canResolve: z.boolean(),
  canCorrectServed: z.boolean(),
  /** The latest late change asked for after the deadline (null: none): OPEN until the caterer answers. */
  changeRequest: z
    .object({
      quantity: z.number().int(),
      diets: dietCountsSchema,
      previousQuantity: z.number().int(),
      reason: z.string(),
      requestedAt: z.date(),
      /** Who asked, by email. */
      requestedByEmail: z.string().nullable(),
      outcome: z.enum(['OPEN', 'ACCEPTED', 'DECLINED', 'CLOSED']),
      answeredAt: z.date().nullable(),
      /** Who answered, or confirmed the served count that closed it; null while OPEN. */
      answeredByEmail: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  /** Meals removed by accepted late changes (billed at the contract's late reduction charge). */
  lateRemovedMeals: z.number().int(),
  /** The client's ADMIN/MANAGER may ask for a late change now (deadline passed, before delivery, none open). */
  canRequestChange: z.boolean(),
  /** The caterer's ADMIN/MANAGER may answer the open change request. */
  canAnswerChange: z.boolean(),
});
export type ServiceDayOutput = z.output<typeof serviceDayOutput>;
export const serviceDayListOutput = z.array(serviceDayOutput);
