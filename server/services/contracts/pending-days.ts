import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/types';
import { serviceDays } from '@/db/schema';
import { autoLockDueServiceDays } from '@/server/services/service-days/auto-lock';

/**
 * Clears a contract's open PENDING days (pause, terminate, edit of terms). Days whose
 * deadline has already passed are locked first, exactly as the auto-lock sweep would have
 * done, so the caterer still delivers what was due; the rest are deleted. Confirmed days stay.
 * Returns the counts.
 */
export async function clearPendingDays(tx: Transaction, contractId: string, now: Date) {
  const locked = await autoLockDueServiceDays(tx, { now, contractId });
  const deleted = await tx
    .delete(serviceDays)
    .where(and(eq(serviceDays.contractId, contractId), eq(serviceDays.status, 'PENDING')))
    .returning({ id: serviceDays.id });
  return { locked, deleted: deleted.length };
}
