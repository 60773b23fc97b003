import { sql } from 'drizzle-orm';
import { char, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { StatementContent } from '@/lib/schemas/statement';
import { id, timestamps, tstz } from './columns';
import { companies, users } from './companies';
import { contracts, serviceDays } from './contracts';
import { statementStatus } from './enums';

/**
 * A caterer's monthly statement to one client. While DRAFT its content is recomputed from the
 * rows on every read; `statement.issue` numbers it and stores `content` (lines, items,
 * totals), which never changes afterwards.
 */
export const statements = pgTable(
  'statements',
  {
    id: id(),
    cateringId: uuid('catering_id')
      .notNull()
      .references(() => companies.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => companies.id),
    /** 'YYYY-MM'. */
    month: char('month', { length: 7 }).notNull(),
    status: statementStatus('status').notNull().default('DRAFT'),
    /** `<prefix>-YYYY-NNNN`, set at issue. */
    number: text('number'),
    content: jsonb('content').$type<StatementContent>(),
    issuedAt: tstz('issued_at'),
    issuedById: uuid('issued_by_id').references(() => users.id),
    paidOn: date('paid_on', { mode: 'string' }),
    paidById: uuid('paid_by_id').references(() => users.id),
    createdById: uuid('created_by_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('statements_client_month_unique').on(t.cateringId, t.clientId, t.month),
    uniqueIndex('statements_number_unique').on(t.cateringId, t.number),
    index('statements_client_id_idx').on(t.clientId),
    check('statements_issued_has_number', sql`${t.status} = 'DRAFT' or (${t.number} is not null and ${t.content} is not null)`),
  ],
);

/** The caterer's gap-free statement sequence per year: the row is locked by the issuing transaction. */
export const statementCounters = pgTable(
  'statement_counters',
  {
    cateringId: uuid('catering_id')
      .notNull()
      .references(() => companies.id),
    year: smallint('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cateringId, t.year] })],
);

/** What an issued statement billed per service day (first billing or a correction). */
export const statementItems = pgTable(
  'statement_items',
  {
    id: id(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id),
    serviceDayId: uuid('service_day_id')
      .notNull()
      .references(() => serviceDays.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    quantity: integer('quantity').notNull(),
    pricePerMealCents: integer('price_per_meal_cents').notNull(),
    netCents: integer('net_cents').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('statement_items_statement_day_unique').on(t.statementId, t.serviceDayId),
    index('statement_items_service_day_idx').on(t.serviceDayId),
  ],
);
