import { z } from 'zod';
import { passwordSchema } from '@/server/auth/password-policy';
import { companyNameSchema, dailyCapacitySchema, emailSchema, timeZoneSchema, workModeSchema } from './common';

export const registerInput = z
  .object({
    companyType: z.enum(['CATERING', 'CLIENT'], { error: 'Choose caterer or client.' }),
    companyName: companyNameSchema,
    email: emailSchema,
    password: passwordSchema,
    timezone: timeZoneSchema.optional(),
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
