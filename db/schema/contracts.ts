import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  time,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { id, timestamps, tstz } from './columns';
import { companies, users } from './companies';
import type { DietCounts } from '@/lib/diets';
import type { Allergen, Diet } from '@/lib/enums';
import { contractStatus, diet, noticeMode, serviceDayStatus } from './enums';

export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    cateringId: uuid('catering_id')
      .notNull()
      .references(() => companies.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => companies.id),
    status: contractStatus('status').notNull().default('ACTIVE'),
    minDailyQuantity: integer('min_daily_quantity').notNull(),
    defaultQuantity: integer('default_quantity').notNull(),
    maxQuantity: integer('max_quantity').notNull(),
    noticeHours: integer('notice_hours').notNull().default(24),
    /** HOURS: `notice_hours` before delivery; BUSINESS_DAYS: `cutoff_time` on the N-th business day before. */
    noticeMode: noticeMode('notice_mode').notNull().default('HOURS'),
    noticeBusinessDays: smallint('notice_business_days').notNull().default(2),
    /** 'HH:MM:SS' wall-clock time in the client's time zone. */
    cutoffTime: time('cutoff_time').notNull().default('14:00'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** The last possible service date (inclusive). */
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /**
     * The newest price period's price (what days from now on cost); a day's price is the
     * contract_prices period in force on its date.
     */
    pricePerMealCents: integer('price_per_meal_cents').notNull(),
    /** ISO 4217, the caterer's currency when the contract was created; never relabelled. */
    currency: char('currency', { length: 3 }).notNull(),
    /** The client's purchase-order number and cost center, printed on statements. */
    poNumber: varchar('po_number', { length: 100 }),
    costCenter: varchar('cost_center', { length: 100 }),
    /** 'HH:MM:SS' wall-clock time in the client's time zone. */
    deliveryTime: time('delivery_time').notNull().default('12:00'),
    /** Meals removed by an accepted late change are billed at this share (0–100 %) of their price. */
    lateReductionChargePercent: smallint('late_reduction_charge_percent').notNull().default(0),
    /** Special diets the client may order (standard meals are implicit). */
    dietOptions: diet('diet_options').array().notNull().default([]),
    /** The diet split a new service day starts with: `{VEGAN: 3, …}`, offered diets only. */
    defaultDiets: jsonb('default_diets').$type<DietCounts>().notNull().default({}),
    ...timestamps,
    pausedAt: tstz('paused_at'),
    terminatedAt: tstz('terminated_at'),
    /** When the client's ADMIN accepted the proposal (null: still a proposal, or created before proposals). */
    acceptedAt: tstz('accepted_at'),
    acceptedById: uuid('accepted_by_id').references(() => users.id),
    /** When the proposal was declined by the client or withdrawn by the caterer (both → DECLINED). */
    declinedAt: tstz('declined_at'),
    declinedById: uuid('declined_by_id').references(() => users.id),
    /** The client's reason; null when the caterer withdrew the proposal. */
    declineReason: text('decline_reason'),
    withdrawnAt: tstz('withdrawn_at'),
    deletedAt: tstz('deleted_at'),
  },
  (t) => [
    // One ACTIVE contract per (caterer, client) pair, enforced by the database.
    uniqueIndex('contracts_one_active_per_pair')
      .on(t.cateringId, t.clientId)
      .where(sql`${t.status} = 'ACTIVE' and ${t.deletedAt} is null`),
    index('contracts_catering_id_idx').on(t.cateringId),
    index('contracts_client_id_idx').on(t.clientId),
    check('contracts_min_positive', sql`${t.minDailyQuantity} > 0`),
    check(
      'contracts_quantities_ordered',
      sql`${t.minDailyQuantity} <= ${t.defaultQuantity} and ${t.defaultQuantity} <= ${t.maxQuantity}`,
    ),
    check('contracts_notice_hours_range', sql`${t.noticeHours} between 0 and 336`),
    check('contracts_late_reduction_charge_range', sql`${t.lateReductionChargePercent} between 0 and 100`),
    check('contracts_notice_business_days_range', sql`${t.noticeBusinessDays} between 1 and 10`),
    check('contracts_end_after_start', sql`${t.endDate} > ${t.startDate}`),
    check('contracts_price_non_negative', sql`${t.pricePerMealCents} >= 0`),
  ],
);

/**
 * A contract's price over time: consecutive periods from `valid_from` to `valid_to`
 * (inclusive; null = open-ended), the first from the contract's start date. Written only
 * through the pure rule of server/domain/price-periods.ts, so a day's price is a range join.
 */
export const contractPrices = pgTable(
  'contract_prices',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    pricePerMealCents: integer('price_per_meal_cents').notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    // Covering: drizzle/0020 adds INCLUDE (valid_to, price_per_meal_cents) for the cost reports.
    uniqueIndex('contract_prices_contract_from_unique').on(t.contractId, t.validFrom),
    check('contract_prices_dates_ordered', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check('contract_prices_price_non_negative', sql`${t.pricePerMealCents} >= 0`),
  ],
);

export const contractServiceDays = pgTable(
  'contract_service_days',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    dayOfWeek: smallint('day_of_week').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contract_service_days_contract_day_unique').on(t.contractId, t.dayOfWeek),
    check('contract_service_days_iso_weekday', sql`${t.dayOfWeek} between 1 and 7`),
  ],
);

export const serviceDays = pgTable(
  'service_days',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    dayOfWeek: smallint('day_of_week').notNull(),
    expectedQuantity: integer('expected_quantity').notNull(),
    /** Of the expected meals, how many per special diet (`{VEGAN: 3}`); the rest are standard. */
    diets: jsonb('diets').$type<DietCounts>().notNull().default({}),
    expectedQuantityConfirmedAt: tstz('expected_quantity_confirmed_at'),
    expectedQuantityConfirmerId: uuid('expected_quantity_confirmer_id').references(() => users.id),
    servedQuantity: integer('served_quantity'),
    servedQuantityConfirmedAt: tstz('served_quantity_confirmed_at'),
    servedQuantityConfirmerId: uuid('served_quantity_confirmer_id').references(() => users.id),
    status: serviceDayStatus('status').notNull().default('PENDING'),
    // Dispute: the caterer's original count is kept when a dispute is resolved.
    disputeReason: text('dispute_reason'),
    disputedAt: tstz('disputed_at'),
    disputedById: uuid('disputed_by_id').references(() => users.id),
    originalServedQuantity: integer('original_served_quantity'),
    disputeResolutionNote: text('dispute_resolution_note'),
    disputeResolvedAt: tstz('dispute_resolved_at'),
    disputeResolvedById: uuid('dispute_resolved_by_id').references(() => users.id),
    // The caterer's own correction within 24 h (the first count is kept in original_served_quantity).
    servedCorrectionNote: text('served_correction_note'),
    servedCorrectedAt: tstz('served_corrected_at'),
    servedCorrectedById: uuid('served_corrected_by_id').references(() => users.id),
    /**
     * The instant after which the client can no longer set the expected quantity. Written by
     * the one deadline rule (server/domain/deadline.ts) when the day is created and moved only
     * while it is still ahead, so a passed deadline stays passed whatever settings change.
     */
    confirmationDeadline: tstz('confirmation_deadline').notNull(),
    /** Set when the confirmation-due reminder for this day went out (never twice). */
    reminderSentAt: tstz('reminder_sent_at'),
    /**
     * A late change the client asked for after the deadline (until delivery): the requested count
     * and split, why, who and when; open until the caterer answers (or the served count is
     * confirmed, which closes it). One request per day at a time; a new one replaces an answered one.
     */
    changeRequestedQuantity: integer('change_requested_quantity'),
    changeRequestedDiets: jsonb('change_requested_diets').$type<DietCounts>(),
    changeReason: text('change_reason'),
    changeRequestedAt: tstz('change_requested_at'),
    changeRequestedById: uuid('change_requested_by_id').references(() => users.id),
    /** The count before the request (what an accepted change replaced). */
    changePreviousQuantity: integer('change_previous_quantity'),
    /** ACCEPTED, DECLINED or CLOSED (served count confirmed while open); null while open. */
    changeOutcome: varchar('change_outcome', { length: 16 }),
    changeAnsweredAt: tstz('change_answered_at'),
    changeAnsweredById: uuid('change_answered_by_id').references(() => users.id),
    changeAnswerNote: text('change_answer_note'),
    /** Meals removed by accepted late changes: billed at the contract's late reduction charge. */
    lateRemovedMeals: integer('late_removed_meals').notNull().default(0),
    /** CANCELLED days: when, and the reason of the closure that cancelled it. */
    cancelledAt: tstz('cancelled_at'),
    cancellationReason: text('cancellation_reason'),
    ...timestamps,
  },
  (t) => [
    // Covering: drizzle/0020 adds INCLUDE (status, expected_quantity, served_quantity,
    // confirmation_deadline, expected_quantity_confirmed_at, expected_quantity_confirmer_id, day_of_week), so the
    // dashboards read a contract's days of a range index-only. INCLUDE cannot be declared here: a
    // migration that recreates this index must keep that list (tests/integration/migrations.test.ts).
    uniqueIndex('service_days_contract_date_unique').on(t.contractId, t.serviceDate),
    // Per-date totals (capacity, production plan).
    index('service_days_date_idx').on(t.serviceDate),
    // PENDING and due: the auto-lock sweep (deadline passed) and reminders (deadline soon).
    index('service_days_pending_deadline_idx')
      .on(t.confirmationDeadline)
      .where(sql`${t.status} = 'PENDING'`),
    // A contract's unsettled days (no served count yet): the caterer dashboard's "awaiting
    // served count" reads these per contract without wading through the served history.
    // Covering: drizzle/0020 adds INCLUDE (id, expected_quantity, served_quantity).
    index('service_days_unserved_contract_date_idx')
      .on(t.contractId, t.serviceDate)
      .where(sql`${t.status} in ('PENDING', 'EXPECTED_CONFIRMED')`),
    // Open late-change requests (rare rows; both dashboards list them).
    index('service_days_open_change_idx')
      .on(t.contractId, t.serviceDate)
      .where(sql`${t.changeRequestedAt} is not null and ${t.changeOutcome} is null`),
    check('service_days_change_outcome', sql`${t.changeOutcome} in ('ACCEPTED', 'DECLINED', 'CLOSED')`),
    // Open disputes per contract (rare rows; the dashboard lists them).
    index('service_days_disputed_contract_idx')
      .on(t.contractId)
      .where(sql`${t.status} = 'DISPUTED'`),
    check('service_days_iso_weekday', sql`${t.dayOfWeek} between 1 and 7`),
    check('service_days_expected_non_negative', sql`${t.expectedQuantity} >= 0`),
    check('service_days_served_non_negative', sql`${t.servedQuantity} >= 0`),
  ],
);

/**
 * A company's closure (a client's office or a caterer's kitchen), inclusive local dates. With
 * `contract_id` only that contract pauses for the window; without it the whole company is
 * closed. Removing one sets `deleted_at`.
 */
export const closures = pgTable(
  'closures',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    ...timestamps,
    deletedAt: tstz('deleted_at'),
  },
  (t) => [
    index('closures_company_dates_idx').on(t.companyId, t.startDate).where(sql`${t.deletedAt} is null`),
    index('closures_contract_id_idx').on(t.contractId),
    check('closures_dates_ordered', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/** One published dish: its name and the diets it suits and the allergens it contains. */
export interface MenuDish {
  name: string;
  diets: Diet[];
  allergens: Allergen[];
}

/** The caterer's menu of one contract on one date (no row: no menu published). */
export const menus = pgTable(
  'menus',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    dishes: jsonb('dishes').$type<MenuDish[]>().notNull(),
    updatedById: uuid('updated_by_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('menus_contract_date_unique').on(t.contractId, t.serviceDate)],
);
