import { z } from 'zod';
import { MAX_LINK_TOKEN_LENGTH } from '@/lib/limits';
import { passwordSchema } from '@/lib/password';
import { text } from '@/lib/text';
import {
  companyNameSchema,
  companyTypeSchema,
  currencySchema,
  dailyCapacitySchema,
  emailSchema,
  timeZoneSchema,
  uuidSchema,
  workModeSchema,
} from './common';

/** A token from an emailed link (`?token=`). */
const linkTokenSchema = text('This link is missing its token. Open the link from the email again.')
  .trim()
  .min(1, 'This link is missing its token. Open the link from the email again.')
  .max(MAX_LINK_TOKEN_LENGTH, 'This link is not valid.');

export const registerInput = z
  .object({
    companyType: companyTypeSchema,
    companyName: companyNameSchema,
    email: emailSchema,
    password: passwordSchema,
    timezone: timeZoneSchema.optional(),
    /** A caterer's prices are in it; unset → the currency of the zone's country. */
    currency: currencySchema.optional(),
    dailyCapacity: dailyCapacitySchema.optional(),
    workMode: workModeSchema.optional(),
    /**
     * The token of a caterer's client invitation (the `token` of its link): registers the
     * invited client company (its proposal waiting), single use, within 7 days.
     */
    clientInvitationToken: linkTokenSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.clientInvitationToken !== undefined && input.companyType !== 'CLIENT') {
      ctx.addIssue({ code: 'custom', path: ['companyType'], message: 'A client invitation registers a client company.' });
    }
    if (input.companyType === 'CATERING' && input.dailyCapacity === undefined) {
      ctx.addIssue({ code: 'custom', path: ['dailyCapacity'], message: 'Caterers must give a daily capacity.' });
    }
    if (input.companyType === 'CLIENT' && input.dailyCapacity !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['dailyCapacity'], message: 'Only caterers have a daily capacity.' });
    }
    if (input.companyType === 'CATERING' && input.workMode !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['workMode'], message: 'Only clients have a work mode.' });
    }
  });
export type RegisterInput = z.output<typeof registerInput>;

export const registerOutput = z.object({
  companyId: z.uuid(),
  userId: z.uuid(),
  /** Registered through a client invitation: the proposal that came with it (to open first). */
  proposalId: z.uuid().nullable(),
});

export const clientInvitationInput = z.object({ token: linkTokenSchema });
/** What the register page pre-fills from a client invitation, or why the link cannot be used. */
export const clientInvitationOutput = z.object({
  /** Null when the link can be used; else what the person should do. */
  problem: z.string().nullable(),
  email: z.string().nullable(),
  companyName: z.string().nullable(),
  cateringName: z.string().nullable(),
  /** The zone the caterer proposed the terms in (the client office's); the form suggests it. */
  timezone: z.string().nullable(),
});


/** Sign-in form (next-auth credentials); the server checks the pair, not the shape. */
export const signInInput = z.object({
  email: text().trim().min(1, 'Enter your email address.'),
  password: z.string().min(1, 'Enter your password.'),
});

export const requestPasswordResetInput = z.object({ email: emailSchema });
export const requestPasswordResetOutput = z.object({ message: z.string() });

export const resetPasswordInput = z.object({ token: linkTokenSchema, password: passwordSchema });
export const resetPasswordOutput = z.object({ ok: z.literal(true) });

export const changePasswordInput = z.object({
  currentPassword: text().min(1, 'Enter your current password.').max(200, 'The current password is not correct.'),
  newPassword: passwordSchema,
});
export const changePasswordOutput = z.object({ otherSessionsSignedOut: z.number().int() });

export const sessionOutput = z.object({
  /** Identifies one sign-in (stable across token rotations); pass it to auth.revokeSession. */
  id: z.uuid(),
  signedInAt: z.date(),
  lastUsedAt: z.date(),
  expiresAt: z.date(),
  userAgent: z.string().nullable(),
  /** The session making this request ("this device"). */
  current: z.boolean(),
});
export const sessionListOutput = z.array(sessionOutput);
export const revokeSessionInput = z.object({ id: uuidSchema });
export const revokeSessionOutput = z.object({ ok: z.literal(true) });
export const revokeOtherSessionsOutput = z.object({ signedOut: z.number().int() });

export const acceptInvitationInput = z.object({ token: linkTokenSchema, password: passwordSchema });
export const acceptInvitationOutput = z.object({ email: z.string() });

/**
 * A form's version of a procedure input that sets a password: the same schema plus a repeat
 * field that must match `field` (the repeat is not sent).
 */
export function withRepeatedPassword<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, field: keyof Shape & string) {
  return schema.extend({ repeat: z.string() }).superRefine((values, ctx) => {
    const { repeat, [field]: chosen } = values as Record<string, unknown>;
    if (repeat !== chosen) ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'The two passwords do not match.' });
  });
}
