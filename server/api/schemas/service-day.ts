import { z } from 'zod';
import { daysBetween, isValidDate } from '@/server/domain/dates';
import { MAX_SERVED_QUANTITY, SERVICE_DAY_STATUSES } from '@/server/domain/service-day-state';
import { uuidSchema } from './common';

/** A list may span at most this many days (inclusive), to keep responses small. */
export const MAX_LIST_RANGE_DAYS = 366;
export const MAX_BATCH_ITEMS = 100;

const dateSchema = z.string('Enter a date.').refine(isValidDate, 'Use a real date in the format YYYY-MM-DD.');
export const serviceDayStatusSchema = z.enum(SERVICE_DAY_STATUSES);

const quantitySchema = z
  .number('Quantity must be a number.')
  .int('Quantity must be a whole number.')
  .min(0, 'Quantity cannot be negative.')
  .max(MAX_SERVED_QUANTITY, `Quantity cannot be more than ${MAX_SERVED_QUANTITY}.`);

export const listServiceDaysInput = z
  .object({
    contractId: uuidSchema.optional(),
    from: dateSchema,
    to: dateSchema,
    status: serviceDayStatusSchema.optional(),
  })
  .superRefine(({ from, to }, ctx) => {
    if (!isValidDate(from) || !isValidDate(to)) return;
    const days = daysBetween(from, to) + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date cannot be before the start date.' });
    else if (days > MAX_LIST_RANGE_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `Choose at most ${MAX_LIST_RANGE_DAYS} days at once.` });
    }
  });
export type ListServiceDaysInput = z.output<typeof listServiceDaysInput>;

export const confirmQuantityInput = z.object({ id: uuidSchema, quantity: quantitySchema });
export type ConfirmQuantityInput = z.output<typeof confirmQuantityInput>;

export const confirmExpectedBatchInput = z.object({
  items: z
    .array(confirmQuantityInput)
    .min(1, 'Choose at least one day.')
    .max(MAX_BATCH_ITEMS, `At most ${MAX_BATCH_ITEMS} days at once.`)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'Each day may appear only once.'),
});

export const disputeInput = z.object({
  id: uuidSchema,
  reason: z.string('Give a reason.').trim().min(1, 'Give a reason.').max(1000, 'At most 1000 characters.'),
});

export const resolveDisputeInput = z.object({
  id: uuidSchema,
  servedQuantity: quantitySchema,
  note: z.string('Add a note.').trim().min(1, 'Add a note.').max(1000, 'At most 1000 characters.'),
});

export const serviceDayOutput = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  contractStatus: z.enum(['ACTIVE', 'PAUSED', 'TERMINATED']),
  /** 'YYYY-MM-DD' in the client's time zone. */
  serviceDate: z.string(),
  /** ISO weekday, 1 = Monday. */
  dayOfWeek: z.number().int().min(1).max(7),
  status: serviceDayStatusSchema,
  expectedQuantity: z.number().int(),
  expectedQuantityConfirmedAt: z.date().nullable(),
  /** True when the quantity was locked by the deadline rather than confirmed by a person. */
  expectedAutoLocked: z.boolean(),
  servedQuantity: z.number().int().nullable(),
  servedQuantityConfirmedAt: z.date().nullable(),
  /** The caterer's first served count, kept once a dispute changed it. */
  originalServedQuantity: z.number().int().nullable(),
  disputeReason: z.string().nullable(),
  disputedAt: z.date().nullable(),
  disputeResolutionNote: z.string().nullable(),
  disputeResolvedAt: z.date().nullable(),
  minDailyQuantity: z.number().int(),
  maxQuantity: z.number().int(),
  pricePerMealCents: z.number().int(),
  /** ISO 4217 code of the caterer: the price and costs are in it. */
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
});
export type ServiceDayOutput = z.output<typeof serviceDayOutput>;
export const serviceDayListOutput = z.array(serviceDayOutput);
