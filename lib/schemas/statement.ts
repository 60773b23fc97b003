import { z } from 'zod';
import { SERVICE_DAY_STATUSES, STATEMENT_STATUSES } from '@/lib/enums';
import { MAX_BATCH_ITEMS } from '@/lib/limits';
import { dateSchema, uuidSchema } from './common';

// Statements: the procedures' inputs, and the content a statement bills (what issuing freezes).

export const statementStatusSchema = z.enum(STATEMENT_STATUSES);
const cents = z.number().int();
const currency = z.string().length(3);

export const monthSchema = z
  .string('Choose a month.')
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Choose a month (YYYY-MM).');

export const createStatementInput = z.object({ clientId: uuidSchema, month: monthSchema });
export const issueStatementInput = z.object({
  id: uuidSchema,
  /** Unsettled days left off this statement on purpose; they stay billable on a later one. */
  excludeServiceDayIds: z.array(uuidSchema).max(MAX_BATCH_ITEMS * 4).optional(),
});
export const markStatementPaidInput = z.object({ id: uuidSchema, paidOn: dateSchema('The payment date') });
export const listStatementsInput = z.object({ status: statementStatusSchema.optional(), clientId: uuidSchema.optional() }).optional();

export const statementItemSchema = z.object({
  serviceDayId: z.uuid(),
  contractId: z.uuid(),
  serviceDate: z.string(),
  /** SERVICE: first billing of the day; CORRECTION: the change since an issued statement billed it. */
  kind: z.enum(['SERVICE', 'CORRECTION']),
  quantity: z.number().int(),
  pricePerMealCents: cents,
  /** All the day bills: served meals × price, plus the late reduction charge (below). */
  netCents: cents,
  currency,
  /** SERVICE items: meals removed by accepted late changes, and what they still cost (part of netCents). */
  lateRemovedMeals: z.number().int().default(0),
  lateChargeCents: cents.default(0),
});

export const statementLineSchema = z.object({
  /** LATE_REDUCTION: meals removed after the deadline, billed at the contract's late reduction charge. */
  kind: z.enum(['SERVICE', 'CORRECTION', 'LATE_REDUCTION']),
  /** LATE_REDUCTION lines: the share of the price billed per removed meal (0–100). */
  chargePercent: z.number().int().nullable().default(null),
  contractId: z.uuid(),
  currency,
  pricePerMealCents: cents,
  /** SERVICE lines: the first date of the price period the line is in. */
  periodFrom: z.string().nullable(),
  firstDate: z.string(),
  lastDate: z.string(),
  days: z.number().int(),
  meals: z.number().int(),
  netCents: cents,
  /** Half-up per line (server/domain/vat.ts); the total VAT is the sum of the lines'. */
  vatCents: cents,
  grossCents: cents,
});

export const statementTotalSchema = z.object({ currency, netCents: cents, vatCents: cents, grossCents: cents });

export const blockingDaySchema = z.object({
  serviceDayId: z.uuid(),
  contractId: z.uuid(),
  serviceDate: z.string(),
  status: z.enum(SERVICE_DAY_STATUSES),
});

export const statementContentSchema = z.object({
  month: z.string(),
  vatRateBasisPoints: z.number().int(),
  lines: z.array(statementLineSchema),
  items: z.array(statementItemSchema),
  blocking: z.array(blockingDaySchema),
  totals: z.array(statementTotalSchema),
});
export type StatementContent = z.output<typeof statementContentSchema>;
export type StatementLine = z.output<typeof statementLineSchema>;
export type StatementItem = z.output<typeof statementItemSchema>;
export type StatementTotal = z.output<typeof statementTotalSchema>;
export type BlockingDay = z.output<typeof blockingDaySchema>;

/** The contract as a statement prints it. */
export const statementContractSchema = z.object({
  id: z.uuid(),
  poNumber: z.string().nullable(),
  costCenter: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
});

export const statementSummarySchema = z.object({
  id: z.uuid(),
  status: statementStatusSchema,
  number: z.string().nullable(),
  month: z.string(),
  cateringId: z.uuid(),
  cateringName: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  issuedAt: z.date().nullable(),
  paidOn: z.string().nullable(),
  /** Issued: as frozen; draft: as it would be issued now. */
  totals: z.array(statementTotalSchema),
});
export const statementListOutput = z.array(statementSummarySchema);

export const statementOutput = statementSummarySchema.extend({
  content: statementContentSchema,
  contracts: z.array(statementContractSchema),
  /** The caterer ADMIN may issue (draft, nothing blocking) / mark paid (issued). */
  canIssue: z.boolean(),
  canMarkPaid: z.boolean(),
});
export type StatementOutput = z.output<typeof statementOutput>;
export type StatementSummary = z.output<typeof statementSummarySchema>;
