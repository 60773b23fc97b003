import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from '@/lib/limits';
import { uuidSchema } from './common';

export const notificationListInput = z
  .object({
    page: z.number().int().min(1).max(MAX_PAGE).default(1),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    unreadOnly: z.boolean().default(false),
  })
  .default({ page: 1, pageSize: DEFAULT_PAGE_SIZE, unreadOnly: false });

export const notificationOutput = z.object({
  id: z.uuid(),
  eventType: z.string(),
  title: z.string(),
  body: z.string(),
  /** App-relative path of the page the notification is about, or null. */
  link: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});

export const notificationListOutput = z.object({
  items: z.array(notificationOutput),
  /** Matching notifications in total (for pagination). */
  total: z.number().int(),
  /** The caller's unread notifications, whatever the page. */
  unreadCount: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const markReadInput = z.object({ ids: z.array(uuidSchema).min(1, 'Choose at least one notification.').max(MAX_PAGE_SIZE) });
export const markReadOutput = z.object({ updated: z.number().int(), unreadCount: z.number().int() });

export type NotificationListOutput = z.output<typeof notificationListOutput>;
export type NotificationOutput = z.output<typeof notificationOutput>;
