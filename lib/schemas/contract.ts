import { z } from 'zod';
import { COMPANY_TYPES, CONTRACT_ACTIONS, CONTRACT_STATUSES } from '@/lib/enums';
import { TIME_OF_DAY_PATTERN } from '@/lib/patterns';
import { checkContractTerms, contractTermFields, contractTermsObject, noticeModeSchema } from './contract-terms';
import { companyNameSchema, dateSchema, emailSchema, textSchema, timeZoneSchema, uuidSchema } from './common';
import { deliveryDetailsOutput } from './company';
import { dietCountsSchema, dietSchema } from './diets';

export const contractStatusSchema = z.enum(CONTRACT_STATUSES);

export const listContractsInput = z.object({ status: contractStatusSchema.optional() }).optional();

/** The client's purchase-order number and cost center (printed on statements); null clears one. */
const billingReference = (label: string) =>
  z
    .string(`${label} must be text.`)
    .trim()
    .max(100, `${label} can be at most 100 characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
export const billingFields = { poNumber: billingReference('The PO number'), costCenter: billingReference('The cost center') };

/**
 * A client not on ChefOps yet: the proposal is recorded and the client gets a 7-day link to
 * register. `timezone` is the client office's zone (the caterer's when omitted): the proposal's
 * delivery time and deadlines are read on it, and the invitation is worded in it.
 */
export const inviteClientSchema = z.object({ companyName: companyNameSchema, timezone: timeZoneSchema.optional() });

export const createContractInput = contractTermsObject
  .extend({ clientEmail: emailSchema, ...billingFields, inviteClient: inviteClientSchema.optional() })
  .superRefine(checkContractTerms);
export type CreateContractInput = z.output<typeof createContractInput>;

/**
 * The same terms as create, without clientEmail. Every term is optional: omitted ones keep
 * their stored value (the merged terms are validated again by the service).
 */
export const updateContractInput = contractTermFields
  .partial()
  .extend({
    id: uuidSchema,
    ...billingFields,
    /**
     * The first date the new `pricePerMealCents` applies to (default: the client's today);
     * earlier days keep the price in force on their date. Not before the client's today.
     */
    priceEffectiveFrom: dateSchema('Price effective from').optional(),
  })
  .superRefine((terms, ctx) => {
    checkContractTerms(terms as Parameters<typeof checkContractTerms>[0], ctx);
    if (terms.priceEffectiveFrom !== undefined && terms.pricePerMealCents === undefined) {
      ctx.addIssue({ code: 'custom', path: ['pricePerMealCents'], message: 'Give the new price per meal that starts on this date.' });
    }
  });
export type UpdateContractInput = z.output<typeof updateContractInput>;

/** The client's ADMIN declines a proposal and tells the caterer why. */
export const declineContractInput = z.object({
  id: uuidSchema,
  reason: textSchema('Tell the caterer why you decline the proposal.', 1000),
});
export type DeclineContractInput = z.output<typeof declineContractInput>;

export const contractActionSchema = z.enum(CONTRACT_ACTIONS);

export const pricePeriodOutput = z.object({
  /** 'YYYY-MM-DD', first and last date (inclusive); `to: null` = open-ended. */
  from: z.string(),
  to: z.string().nullable(),
  pricePerMealCents: z.number().int(),
});
export type PricePeriodOutput = z.output<typeof pricePeriodOutput>;

export const contractOutput = z.object({
  id: z.uuid(),
  status: contractStatusSchema,
  cateringId: z.uuid(),
  cateringName: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  clientEmail: z.string(),
  /** False while the client company is only invited (not registered on ChefOps yet). */
  clientRegistered: z.boolean(),
  /** The client's IANA zone: deadlines and service dates are on its wall clock. */
  clientTimeZone: z.string(),
  minDailyQuantity: z.number().int(),
  defaultQuantity: z.number().int(),
  maxQuantity: z.number().int(),
  noticeHours: z.number().int(),
  noticeMode: noticeModeSchema,
  /** BUSINESS_DAYS: the deadline is `cutoffTime` ('HH:MM', client's clock) on the N-th business day before. */
  noticeBusinessDays: z.number().int(),
  cutoffTime: z.string().regex(TIME_OF_DAY_PATTERN),
  /** 'YYYY-MM-DD'; endDate is the last possible service date. */
  startDate: z.string(),
  endDate: z.string(),
  /** ISO weekdays, 1 = Monday … 7 = Sunday, ascending. */
  serviceDays: z.array(z.number().int().min(1).max(7)),
  /** Contracted weekdays on which the client's office is closed: no days are planned on them. */
  skippedWeekdays: z.array(z.number().int().min(1).max(7)),
  /** Every weekday the client's office is closed (its office days), for warnings while editing. */
  clientClosedWeekdays: z.array(z.number().int().min(1).max(7)),
  /** The newest price period's price: what days from its first date on cost. */
  pricePerMealCents: z.number().int(),
  /** The price over time, oldest first: a day costs the price of the period its date is in. */
  pricePeriods: z.array(pricePeriodOutput),
  /** ISO 4217, fixed when the contract was created (the caterer's currency then). */
  currency: z.string().length(3),
  poNumber: z.string().nullable(),
  costCenter: z.string().nullable(),
  /** 'HH:MM' on the client's wall clock. */
  deliveryTime: z.string().regex(TIME_OF_DAY_PATTERN),
  /** Where and how the caterer delivers to the client, and whom it calls on site. */
  clientDelivery: deliveryDetailsOutput,
  /** Meals removed by an accepted late change are billed at this share (0–100 %) of their price. */
  lateReductionChargePercent: z.number().int().min(0).max(100),
  /** Special diets the client may order; standard meals are implicit. */
  dietOptions: z.array(dietSchema),
  /** The diet split a new service day starts with (meals per diet; the rest standard). */
  defaultDiets: dietCountsSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
  pausedAt: z.date().nullable(),
  terminatedAt: z.date().nullable(),
  /** When the client's ADMIN accepted the proposal; null for a proposal (and contracts agreed before proposals existed). */
  acceptedAt: z.date().nullable(),
  /** When the proposal was declined by the client or withdrawn by the caterer (status DECLINED). */
  declinedAt: z.date().nullable(),
  /** The client's reason for declining; null when withdrawn or not declined. */
  declineReason: z.string().nullable(),
  /** Set when the caterer withdrew the proposal (then also declinedAt). */
  withdrawnAt: z.date().nullable(),
  /** Which party the signed-in user belongs to. */
  viewerSide: z.enum(COMPANY_TYPES),
  /** What the signed-in user may do now (role + status). */
  allowedActions: z.array(contractActionSchema),
});
export type ContractOutput = z.output<typeof contractOutput>;
export const contractListOutput = z.array(contractOutput);

/** A client company the caterer has (or had) an agreed contract with, for the contract form's picker. */
export const counterpartyOutput = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export const counterpartiesOutput = z.array(counterpartyOutput);
