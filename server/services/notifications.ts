import { allQueries } from '@/db/concurrent';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { notifications } from '@/db/schema';
import type { DbOrTx } from '@/db/types';

type Recipient = { userId: string; companyId: string };

const ownedBy = (r: Recipient) => and(eq(notifications.userId, r.userId), eq(notifications.companyId, r.companyId));

export async function unreadNotificationCount(db: DbOrTx, recipient: Recipient): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(ownedBy(recipient), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** The signed-in user's notifications, newest first, one page, with the unread count. */
export async function listNotifications(db: DbOrTx, recipient: Recipient, options: { page: number; pageSize: number; unreadOnly: boolean }) {
  const where = options.unreadOnly ? and(ownedBy(recipient), isNull(notifications.readAt)) : ownedBy(recipient);
  const [items, [total], unreadCount] = await allQueries([
    db
      .select({
        id: notifications.id,
        eventType: notifications.eventType,
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
    unreadNotificationCount(db, recipient),
  ]);
  return { items, total: Number(total?.n ?? 0), unreadCount, page: options.page, pageSize: options.pageSize };
}

/**
 * Marks the caller's own notifications as read. Ids of other users' notifications (or unknown
 * ids) are silently ignored, so the answer reveals nothing about them; already-read ones keep
 * their first read time.
 */
export async function markNotificationsRead(db: DbOrTx, recipient: Recipient, options: { ids: string[]; now: Date }) {
  const rows = await db
    .update(notifications)
    .set({ readAt: options.now })
    .where(and(ownedBy(recipient), inArray(notifications.id, options.ids), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length, unreadCount: await unreadNotificationCount(db, recipient) };
}
