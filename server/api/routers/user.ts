import { idInput } from '@/lib/schemas/common';
import {
  invitationListOutput,
  invitationOutput,
  inviteUserInput,
  notificationPreferencesOutput,
  setNotificationPreferencesInput,
  setRoleInput,
  userListOutput,
  userOutput,
} from '@/lib/schemas/user';
import { requireRole, router, tenantProcedure } from '@/server/api/trpc';
import { syncParser } from '@/server/api/sync-parser';
import { inviteUser, listPendingInvitations } from '@/server/services/invitations';
import { notificationPreferences, setNotificationPreferences } from '@/server/services/notification-preferences';
import { activateUser, deactivateUser, listUsers, setUserRole } from '@/server/services/users';

/** Managing users is an ADMIN's job (SPEC §5); every member may see who is in the company. */
const adminProcedure = tenantProcedure.use(requireRole('ADMIN'));

export const userRouter = router({
  /** The signed-in user's own e-mail preferences per notification category (any role). */
  notificationPreferences: tenantProcedure
    .output(syncParser(notificationPreferencesOutput))
    .query(({ ctx }) => notificationPreferences(ctx.db, ctx.tenant)),
  setNotificationPreferences: tenantProcedure
    .input(syncParser(setNotificationPreferencesInput))
    .output(syncParser(notificationPreferencesOutput))
    .mutation(({ ctx, input }) => setNotificationPreferences(ctx.db, ctx.tenant, input)),
  list: tenantProcedure.output(syncParser(userListOutput)).query(({ ctx }) => listUsers(ctx.db, ctx.tenant.companyId)),
  invitations: adminProcedure
    .output(syncParser(invitationListOutput))
    .query(({ ctx }) => listPendingInvitations(ctx.db, ctx.tenant.companyId, ctx.now())),
  invite: adminProcedure
    .input(syncParser(inviteUserInput))
    .output(syncParser(invitationOutput))
    .mutation(({ ctx, input }) => inviteUser(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  setRole: adminProcedure
    .input(syncParser(setRoleInput))
    .output(syncParser(userOutput))
    .mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.tenant, input)),
  deactivate: adminProcedure
    .input(syncParser(idInput))
    .output(syncParser(userOutput))
    .mutation(({ ctx, input }) => deactivateUser(ctx.db, ctx.tenant, { id: input.id, now: ctx.now() })),
  activate: adminProcedure
    .input(syncParser(idInput))
    .output(syncParser(userOutput))
    .mutation(({ ctx, input }) => activateUser(ctx.db, ctx.tenant, input)),
});
