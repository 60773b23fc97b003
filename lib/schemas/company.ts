import { z } from 'zod';
import { COMPANY_STATUSES } from '@/lib/enums';
import {
  companyNameSchema,
  companyTypeSchema,
  currencySchema,
  dailyCapacitySchema,
  isoWeekdaySchema,
  timeZoneSchema,
  workModeSchema,
} from './common';

export const updateCompanyInput = z
  .object({
    name: companyNameSchema.optional(),
    timezone: timeZoneSchema.optional(),
    currency: currencySchema.optional(),
    dailyCapacity: dailyCapacitySchema.optional(),
    workMode: workModeSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'Nothing to update.');
export type UpdateCompanyInput = z.output<typeof updateCompanyInput>;

export const officeDayInput = z.object({
  dayOfWeek: isoWeekdaySchema,
  isWorkDay: z.boolean(),
});
export const setOfficeDaysInput = z.object({
  days: z
    .array(officeDayInput)
    .min(1, 'Give at least one day.')
    .max(7)
    .refine((days) => new Set(days.map((d) => d.dayOfWeek)).size === days.length, 'Each day of the week may appear once.'),
});

export const companyOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  companyType: companyTypeSchema,
  status: z.enum(COMPANY_STATUSES),
  timezone: z.string(),
  /** ISO 4217; a caterer's prices are in its currency. */
  currency: z.string().length(3),
  dailyCapacity: z.number().int().nullable(),
  workMode: workModeSchema.nullable(),
  /** All seven ISO weekdays; days without a row are open. */
  officeDays: z.array(officeDayInput),
  createdAt: z.date(),
});
export type CompanyOutput = z.output<typeof companyOutput>;
