import { z } from 'zod';
import { emailSchema, roleSchema, uuidSchema } from './common';

export const userOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  isActive: z.boolean(),
  createdAt: z.date(),
});
export const userListOutput = z.array(userOutput);

export const inviteUserInput = z.object({ email: emailSchema, role: roleSchema });
export const invitationOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.date(),
  createdAt: z.date(),
  invitedByEmail: z.string(),
});
export const invitationListOutput = z.array(invitationOutput);
export const setRoleInput = z.object({ id: uuidSchema, role: roleSchema });
