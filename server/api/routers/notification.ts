import { markReadInput, markReadOutput, notificationListInput, notificationListOutput } from '@/lib/schemas/notification';
import { router, tenantProcedure } from '@/server/api/trpc';
import { syncParser } from '@/server/api/sync-parser';
import { listNotifications, markNotificationsRead } from '@/server/services/notifications';

/** The bell: every signed-in user sees only their own notifications. */
export const notificationRouter = router({
  list: tenantProcedure
    .input(syncParser(notificationListInput))
    .output(syncParser(notificationListOutput))
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.tenant, input)),
  /** Others' or unknown ids are ignored (not an error): `updated` counts the caller's own only. */
  markRead: tenantProcedure
    .input(syncParser(markReadInput))
    .output(syncParser(markReadOutput))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.tenant, { ids: input.ids, now: ctx.now() })),
});
