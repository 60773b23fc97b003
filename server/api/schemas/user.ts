import { z } from 'zod';
import { roleSchema } from './common';

export const userOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  isActive: z.boolean(),
  createdAt: z.date(),
});
export const userListOutput = z.array(userOutput);
