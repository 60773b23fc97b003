import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { id, timestamps, tstz } from './columns';
import { DEFAULT_WORK_MODE } from '@/lib/enums';
import { DEFAULT_CURRENCY, DEFAULT_STATEMENT_PREFIX } from '@/lib/limits';
import { companyStatus, companyType, userRole, workMode } from './enums';

/** The tenant. Credentials live on users only (no password here). */
export const companies = pgTable(
  'companies',
  {
    id: id(),
    email: varchar('email', { length: 255 }).notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    companyType: companyType('company_type').notNull(),
    status: companyStatus('status').notNull().default('ACTIVE'),
    timezone: text('timezone').notNull().default('UTC'),
    /** ISO 4217 code; prices and costs are shown in it. */
    currency: char('currency', { length: 3 }).notNull().default(DEFAULT_CURRENCY),
    /** Public-holiday calendar: ISO 3166-1 alpha-2, optionally with a subdivision ('DE-BY'); null for none. */
    holidayCountry: varchar('holiday_country', { length: 10 }),
    ...timestamps,
    deletedAt: tstz('deleted_at'),
  },
  (t) => [
    // Case-insensitive, and a soft-deleted company does not block a new sign-up.
    uniqueIndex('companies_email_unique')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.deletedAt} is null`),
  ],
);

export const cateringProfiles = pgTable(
  'catering_profiles',
  {
    companyId: uuid('company_id')
      .primaryKey()
      .references(() => companies.id),
    dailyCapacity: integer('daily_capacity').notNull(),
    /** VAT on statements, in basis points (800 = 8 %). */
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull().default(0),
    /** Statement numbers read `<prefix>-YYYY-NNNN`. */
    statementPrefix: varchar('statement_prefix', { length: 10 }).notNull().default(DEFAULT_STATEMENT_PREFIX),
    ...timestamps,
  },
  (t) => [
    check('catering_profiles_capacity_positive', sql`${t.dailyCapacity} > 0`),
    check('catering_profiles_vat_rate_range', sql`${t.vatRateBasisPoints} between 0 and 10000`),
  ],
);

export const clientProfiles = pgTable('client_profiles', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  workMode: workMode('work_mode').notNull().default(DEFAULT_WORK_MODE),
  /** Where and how the caterer delivers, and whom it calls on site (shown on its production sheet). */
  deliveryAddress: text('delivery_address'),
  deliveryInstructions: text('delivery_instructions'),
  siteContactName: varchar('site_contact_name', { length: 255 }),
  siteContactPhone: varchar('site_contact_phone', { length: 50 }),
  ...timestamps,
});

/** ISO weekdays (1 = Monday … 7 = Sunday) a client's office is open. No rows = open every day. */
export const clientOfficeDays = pgTable(
  'client_office_days',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    dayOfWeek: smallint('day_of_week').notNull(),
    isWorkDay: boolean('is_work_day').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('client_office_days_company_day_unique').on(t.companyId, t.dayOfWeek),
    check('client_office_days_iso_weekday', sql`${t.dayOfWeek} between 1 and 7`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    email: varchar('email', { length: 255 }).notNull(),
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    role: userRole('role').notNull().default('EMPLOYEE'),
    isActive: boolean('is_active').notNull().default(true),
    /** Notification categories (lib/enums NOTIFICATION_CATEGORIES) this user gets in-app only, not by e-mail. */
    emailMutedCategories: text('email_muted_categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...timestamps,
    deletedAt: tstz('deleted_at'),
  },
  (t) => [
    // Login is by email alone, so an email is unique across the whole system.
    uniqueIndex('users_email_unique')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.deletedAt} is null`),
    index('users_company_id_idx').on(t.companyId),
  ],
);
