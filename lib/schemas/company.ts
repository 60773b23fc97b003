import { z } from 'zod';
import { COMPANY_STATUSES } from '@/lib/enums';
import {
  MAX_CLOSURE_DAYS,
  MAX_CLOSURE_REASON_LENGTH,
  MAX_DELIVERY_ADDRESS_LENGTH,
  MAX_DELIVERY_INSTRUCTIONS_LENGTH,
  MAX_SITE_CONTACT_NAME_LENGTH,
  MAX_SITE_CONTACT_PHONE_LENGTH,
} from '@/lib/limits';
import { text } from '@/lib/text';
import {
  companyNameSchema,
  companyTypeSchema,
  checkDateRange,
  currencySchema,
  dailyCapacitySchema,
  dateSchema,
  textSchema,
  uuidSchema,
  isoWeekdaySchema,
  timeZoneSchema,
  workModeSchema,
} from './common';

/** A public-holiday calendar: ISO 3166-1 alpha-2, optionally a subdivision ('DE-BY'). Known ones are checked by the server. */
export const holidayCountrySchema = text('Choose a country for public holidays.')
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'Choose a country (e.g. PL) or a region (e.g. DE-BY) from the list.');

/** VAT on a caterer's statements, in basis points: 800 = 8 %, 2300 = 23 %. */
export const vatRateSchema = z
  .number('The VAT rate must be a number.')
  .int('Give the VAT rate in basis points (a whole number: 800 = 8 %).')
  .min(0, 'The VAT rate cannot be negative.')
  .max(10_000, 'The VAT rate cannot be more than 100 %.');

/** What statement numbers start with: `<prefix>-YYYY-NNNN`. */
export const statementPrefixSchema = text('Enter a prefix for statement numbers.')
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{1,10}$/, 'Use 1–10 letters or digits, e.g. INV or FV.');

/** Optional text a person may also clear: trimmed, at most `max` characters; empty or null clears it. */
function clearableText(label: string, max: number) {
  return text(`${label} must be text.`)
    .trim()
    .max(max, `At most ${max} characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
}

/** Where and how the caterer delivers to a client, and whom it calls on site (clients only). */
export const deliveryDetailsInput = {
  deliveryAddress: clearableText('The delivery address', MAX_DELIVERY_ADDRESS_LENGTH),
  deliveryInstructions: clearableText('Delivery instructions', MAX_DELIVERY_INSTRUCTIONS_LENGTH),
  siteContactName: clearableText('The site contact’s name', MAX_SITE_CONTACT_NAME_LENGTH),
  siteContactPhone: clearableText('The site contact’s phone', MAX_SITE_CONTACT_PHONE_LENGTH).refine(
    (v) => v == null || /^\+?[0-9][0-9 ()./-]{2,}$/.test(v),
    'Enter a phone number (digits, spaces, + ( ) - . /), e.g. +48 601 234 567.',
  ),
};
// Declared in lib/limits, which forms import without zod.
export { DELIVERY_DETAIL_FIELDS } from '@/lib/limits';

export const deliveryDetailsOutput = z.object({
  deliveryAddress: z.string().nullable(),
  deliveryInstructions: z.string().nullable(),
  siteContactName: z.string().nullable(),
  siteContactPhone: z.string().nullable(),
});
export type DeliveryDetailsOutput = z.output<typeof deliveryDetailsOutput>;

export const updateCompanyInput = z
  .object({
    name: companyNameSchema.optional(),
    timezone: timeZoneSchema.optional(),
    currency: currencySchema.optional(),
    dailyCapacity: dailyCapacitySchema.optional(),
    workMode: workModeSchema.optional(),
    /** Public holidays count as closures: 'PL', 'DE-BY', …; null for none. */
    holidayCountry: holidayCountrySchema.nullable().optional(),
    /** Caterers: VAT on statements (basis points) and the statement number prefix. */
    vatRateBasisPoints: vatRateSchema.optional(),
    statementPrefix: statementPrefixSchema.optional(),
    /** Clients: delivery address, instructions and the on-site contact (null or '' clears one). */
    ...deliveryDetailsInput,
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
  /** Caterers only (null for clients). */
  vatRateBasisPoints: z.number().int().nullable(),
  statementPrefix: z.string().nullable(),
  workMode: workModeSchema.nullable(),
  holidayCountry: z.string().nullable(),
  /** Clients: where and how meals are delivered (null for caterers). */
  delivery: deliveryDetailsOutput.nullable(),
  /** All seven ISO weekdays; days without a row are open. */
  officeDays: z.array(officeDayInput),
  createdAt: z.date(),
});
export type CompanyOutput = z.output<typeof companyOutput>;

export const addClosureInput = z
  .object({
    from: dateSchema('The first closed day'),
    to: dateSchema('The last closed day'),
    reason: textSchema('Say why you are closed (e.g. Christmas break).', MAX_CLOSURE_REASON_LENGTH),
    /** Only this contract pauses for the window; the whole company when omitted. */
    contractId: uuidSchema.optional(),
  })
  .superRefine((range, ctx) => checkDateRange(range, ctx, MAX_CLOSURE_DAYS));
export type AddClosureInput = z.output<typeof addClosureInput>;

export const listClosuresInput = z
  .object({ from: dateSchema('From').optional(), to: dateSchema('To').optional() })
  .optional();

export const closureOutput = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  /** The viewer's own closure (it may remove it) or a counterpart's that affects a shared contract. */
  own: z.boolean(),
  contractId: z.uuid().nullable(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  createdAt: z.date(),
});
export type ClosureOutput = z.output<typeof closureOutput>;

const affectedDay = z.object({ serviceDayId: z.uuid(), contractId: z.uuid(), serviceDate: z.string(), status: z.string() });
export const addClosureOutput = z.object({
  closure: closureOutput,
  /** Days inside the closure that were cancelled (their deadline was ahead). */
  cancelled: z.array(affectedDay),
  /** Days inside the closure that stay: past their deadline, or already served. */
  kept: z.array(affectedDay),
});
export type AddClosureOutput = z.output<typeof addClosureOutput>;

export const removeClosureOutput = z.object({ id: z.uuid(), plannedServiceDays: z.number().int() });

export const holidayOption = z.object({ code: z.string(), name: z.string() });
export const holidayCountriesOutput = z.array(holidayOption);

export const calendarInput = z
  .object({ from: dateSchema('From'), to: dateSchema('To') })
  .superRefine((range, ctx) => checkDateRange(range, ctx, 62));
export const calendarOutput = z.object({
  holidays: z.array(z.object({ date: z.string(), name: z.string(), companyName: z.string(), own: z.boolean() })),
  closures: z.array(closureOutput),
});
export type CalendarOutput = z.output<typeof calendarOutput>;
