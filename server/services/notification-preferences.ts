import { and, eq, isNull } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '@/lib/enums';
import type { NotificationPreferences } from '@/lib/schemas/user';
import type { SessionUser } from '@/server/domain/actor';
import { DomainError } from '@/server/domain/errors';

function toPreferences(muted: readonly string[]): NotificationPreferences {
  return { email: Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, !muted.includes(c)])) as Record<NotificationCategory, boolean> };
}

async function mutedOf(db: DbOrTx, actor: SessionUser) {
  const [row] = await db
    .select({ muted: users.emailMutedCategories })
    .from(users)
    .where(and(eq(users.id, actor.userId), eq(users.companyId, actor.companyId), isNull(users.deletedAt)));
  if (!row) throw new DomainError('NOT_FOUND', 'User not found.');
  return row.muted;
}

/** The signed-in user's e-mail choice per category (in-app notifications are always on). */
export async function notificationPreferences(db: DbOrTx, actor: SessionUser): Promise<NotificationPreferences> {
  return toPreferences(await mutedOf(db, actor));
}

/** Changes the given categories of the signed-in user's own preferences; the others stay. */
export async function setNotificationPreferences(
  db: DbOrTx,
  actor: SessionUser,
  input: { email: Partial<Record<NotificationCategory, boolean>> },
): Promise<NotificationPreferences> {
  const muted = new Set(await mutedOf(db, actor));
  for (const category of NOTIFICATION_CATEGORIES) {
    const wanted = input.email[category];
    if (wanted === true) muted.delete(category);
    if (wanted === false) muted.add(category);
  }
  const next = NOTIFICATION_CATEGORIES.filter((c) => muted.has(c));
  await db.update(users).set({ emailMutedCategories: next }).where(eq(users.id, actor.userId));
  return toPreferences(next);
}
