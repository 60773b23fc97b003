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
  })
  .superRefine((input, ctx) => {
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

export const registerOutput = z.object({ companyId: z.uuid(), userId: z.uuid() });

/** A token from an emailed link (`?token=`). */
const linkTokenSchema = text('This link is missing its token. Open the link from the email again.')
  .trim()
  .min(1, 'This link is missing its token. Open the link from the email again.')
  .max(MAX_LINK_TOKEN_LENGTH, 'This link is not valid.');

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
