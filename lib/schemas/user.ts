import { z } from 'zod';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '@/lib/enums';
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

/** Per notification category, whether it also comes by e-mail (in-app notifications always come). */
export const notificationPreferencesOutput = z.object({
  email: z.object(Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, z.boolean()])) as Record<NotificationCategory, z.ZodBoolean>),
});
export type NotificationPreferences = z.output<typeof notificationPreferencesOutput>;
/** Only the categories given change; the others stay as they are. */
export const setNotificationPreferencesInput = z.object({
  email: z.strictObject(
    Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, z.boolean().optional()])) as Record<NotificationCategory, z.ZodOptional<z.ZodBoolean>>,
  ),
});
