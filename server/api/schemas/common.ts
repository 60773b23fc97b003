import { z } from 'zod';
import { isValidTimeZone } from '@/server/domain/dates';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(255, 'Email is too long.')
  .pipe(z.email('Enter a valid email address.'));

export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isValidTimeZone, 'Choose a time zone from the list (an IANA name such as Europe/Warsaw).');

export const uuidSchema = z.uuid('Not a valid id.');
export const idInput = z.object({ id: uuidSchema });

export const companyNameSchema = z.string().trim().min(1, 'Enter the company name.').max(255, 'At most 255 characters.');
export const dailyCapacitySchema = z
  .number({ error: 'Enter the daily capacity as a whole number.' })
  .int('Daily capacity must be a whole number.')
  .min(1, 'Daily capacity must be at least 1 meal.')
  .max(1_000_000, 'Daily capacity is at most 1,000,000 meals.');
export const workModeSchema = z.enum(['REMOTE', 'HYBRID', 'ONSITE']);
export const roleSchema = z.enum(['ADMIN', 'MANAGER', 'EMPLOYEE']);

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => CURRENCIES.has(c), 'Choose a currency code such as EUR, PLN or USD.');
