import { desc } from 'drizzle-orm';
import { devMailMessages } from '@/db/schema';
import { getDb } from '@/server/database';
import { env } from '@/server/env';

export type DevMailMessage = { id: string; to: string; subject: string; text: string; html: string | null; createdAt: Date };

/** The latest 100 kept emails, newest first; null when the dev mailbox is off. */
export async function loadDevMailbox(): Promise<DevMailMessage[] | null> {
  if (!env.CHEFOPS_DEV_MAILBOX) return null;
  const db = await getDb();
  return db
    .select({
      id: devMailMessages.id,
      to: devMailMessages.to,
      subject: devMailMessages.subject,
      text: devMailMessages.text,
      html: devMailMessages.html,
      createdAt: devMailMessages.createdAt,
    })
    .from(devMailMessages)
    .orderBy(desc(devMailMessages.createdAt))
    .limit(100);
}
