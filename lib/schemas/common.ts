// Field schemas shared by every procedure's input and by the forms that send it (browser-safe).
// A rule about one kind of value (a date, a text, an email, a quantity) is written here once.
import { z } from 'zod';
import { isValidDate, isValidTimeZone, daysBetween } from '@/lib/dates';
import { COMPANY_TYPES, USER_ROLES, WORK_MODES } from '@/lib/enums';
import { MAX_DAILY_CAPACITY, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '@/lib/limits';
import { TIME_OF_DAY_PATTERN } from '@/lib/patterns';
import { text } from '@/lib/text';

export const uuidSchema = z.uuid('Not a valid id.');
export const idInput = z.object({ id: uuidSchema });

export const emailSchema = text('Enter an email address.')
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH, 'Email is too long.')
  .pipe(z.email('Enter a valid email address.'));

/** Text a person writes: trimmed, required, at most `max` characters. */
export function textSchema(missing: string, max: number = MAX_TEXT_LENGTH) {
  return text(missing).trim().min(1, missing).max(max, `At most ${max} characters.`);
}

/** A calendar date 'YYYY-MM-DD' that exists (rejects e.g. 2026-02-30). */
export function dateSchema(label = 'The date') {
  return text(`${label} is required.`).refine(isValidDate, `${label} must be a real date in the format YYYY-MM-DD.`);
}

/**
 * A `from`–`to` range of at most `maxDays` days (inclusive), reported on `to`. Use it in a
 * superRefine: zod may run it after a date already failed, so it checks both are usable.
 */
export function checkDateRange(range: { from: string; to: string }, ctx: z.RefinementCtx, maxDays: number): void {
  const { from, to } = range;
  if (!isValidDate(from) || !isValidDate(to)) return;
  const days = daysBetween(from, to) + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date cannot be before the start date.' });
  else if (days > maxDays) ctx.addIssue({ code: 'custom', path: ['to'], message: `Choose at most ${maxDays} days at once.` });
}

/** 'HH:MM', 00:00–23:59. */
export function timeOfDaySchema(label: string) {
  return text(`${label} must be a time such as 12:00.`).regex(TIME_OF_DAY_PATTERN, `${label} must be a time between 00:00 and 23:59, written as HH:MM.`);
}

/** An ISO weekday, 1 = Monday … 7 = Sunday. */
export const isoWeekdaySchema = z
  .number('Days of week are 1 (Monday) to 7 (Sunday).')
  .int('Days of week are 1 (Monday) to 7 (Sunday).')
  .min(1, 'Days of week are 1 (Monday) to 7 (Sunday).')
  .max(7, 'Days of week are 1 (Monday) to 7 (Sunday).');

export const timeZoneSchema = text('Choose a time zone.')
  .trim()
  .refine(isValidTimeZone, 'Choose a time zone from the list (an IANA name such as Europe/Warsaw).');

export const companyNameSchema = textSchema('Enter the company name.', MAX_NAME_LENGTH);
export const dailyCapacitySchema = z
  .number({ error: 'Enter the daily capacity as a whole number.' })
  .int('Daily capacity must be a whole number.')
  .min(1, 'Daily capacity must be at least 1 meal.')
  .max(MAX_DAILY_CAPACITY, `Daily capacity is at most ${MAX_DAILY_CAPACITY.toLocaleString('en-GB')} meals.`);

export const companyTypeSchema = z.enum(COMPANY_TYPES, { error: 'Choose caterer or client.' });
export const workModeSchema = z.enum(WORK_MODES, { error: 'Choose how your team works.' });
export const roleSchema = z.enum(USER_ROLES, { error: 'Choose a role.' });

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
export const currencySchema = text('Enter a currency code.')
  .trim()
  .toUpperCase()
  .refine((c) => CURRENCIES.has(c), 'Choose a currency code such as EUR, PLN or USD.');
