import { z } from 'zod';
import { PRODUCTION_STATUSES } from '@/lib/enums';
import { TIME_OF_DAY_PATTERN } from '@/lib/patterns';
import { dateSchema } from './common';
import { deliveryDetailsOutput } from './company';
import { dietCountsSchema } from './diets';
import { dishOutput } from './menu';
import { serviceDayStatusSchema } from './service-day';

export const productionStatusSchema = z.enum(PRODUCTION_STATUSES);

/** The kitchen's day: a service date (each client's calendar date). */
export const productionInput = z.object({ date: dateSchema('The date') });
export type ProductionInput = z.output<typeof productionInput>;

export const productionLineOutput = z.object({
  serviceDayId: z.uuid(),
  contractId: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  /** 'HH:MM' on the client's wall clock, in `clientTimeZone`. */
  deliveryTime: z.string().regex(TIME_OF_DAY_PATTERN),
  clientTimeZone: z.string(),
  delivery: deliveryDetailsOutput,
  /** Meals to cook: the expected count (confirmed, locked, or the current estimate). */
  total: z.number().int(),
  standard: z.number().int(),
  diets: dietCountsSchema,
  /** CONFIRMED by a person, LOCKED at the deadline, or OPEN (an estimate that may still change). */
  status: productionStatusSchema,
  dayStatus: serviceDayStatusSchema,
  deadline: z.date(),
  servedQuantity: z.number().int().nullable(),
  /** The caterer may enter this day's served count now (the grid of a past date). */
  canConfirmServed: z.boolean(),
  maxQuantity: z.number().int(),
  menu: z.array(dishOutput),
});
export type ProductionLineOutput = z.output<typeof productionLineOutput>;

export const productionTotalsOutput = z.object({
  meals: z.number().int(),
  standard: z.number().int(),
  diets: dietCountsSchema,
  byStatus: z.record(productionStatusSchema, z.number().int()),
});

export const productionOutput = z.object({
  date: z.string(),
  catererName: z.string(),
  /** The caterer's zone (the page's "today"). */
  catererTimeZone: z.string(),
  /** Per contract with a day on the date (cancelled days left out), by delivery time then client. */
  lines: z.array(productionLineOutput),
  totals: productionTotalsOutput,
});
export type ProductionOutput = z.output<typeof productionOutput>;
