import {
  acceptInvitationInput,
  acceptInvitationOutput,
  changePasswordInput,
  changePasswordOutput,
  clientInvitationInput,
  clientInvitationOutput,
  registerInput,
  registerOutput,
  requestPasswordResetInput,
  requestPasswordResetOutput,
  resetPasswordInput,
  resetPasswordOutput,
  revokeOtherSessionsOutput,
  revokeSessionInput,
  revokeSessionOutput,
  sessionListOutput,
} from '@/lib/schemas/auth';
import { protectedProcedure, publicProcedure, router } from '@/server/api/trpc';
import { syncParser } from '@/server/api/sync-parser';
// Loads the common-password list into the password rule these schemas run.
import '@/server/auth/password-policy';
import { listSessions, revokeAllForUser, revokeSession } from '@/server/auth/sessions';
import { DomainError } from '@/server/domain/errors';
import { acceptInvitation } from '@/server/services/invitations';
import { changePassword, requestPasswordReset, resetPassword } from '@/server/services/password-reset';
import { registerCompany } from '@/server/services/registration';
import { clientInvitationInfo } from '@/server/services/client-invitations';

export const authRouter = router({
  register: publicProcedure
    .input(syncParser(registerInput))
    .output(syncParser(registerOutput))
    .mutation(({ ctx, input }) => registerCompany(ctx.db, input, { ip: ctx.request.ip, now: ctx.now() })),

  /** What a client invitation link pre-fills on the register page (or why it cannot be used). */
  clientInvitation: publicProcedure
    .input(syncParser(clientInvitationInput))
    .output(syncParser(clientInvitationOutput))
    .query(({ ctx, input }) => clientInvitationInfo(ctx.db, input.token, ctx.now())),

  requestPasswordReset: publicProcedure
    .input(syncParser(requestPasswordResetInput))
    .output(syncParser(requestPasswordResetOutput))
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, { email: input.email, ip: ctx.request.ip, now: ctx.now() })),

  resetPassword: publicProcedure
    .input(syncParser(resetPasswordInput))
    .output(syncParser(resetPasswordOutput))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, { ...input, ip: ctx.request.ip, now: ctx.now() })),

  changePassword: protectedProcedure
    .input(syncParser(changePasswordInput))
    .output(syncParser(changePasswordOutput))
    .mutation(({ ctx, input }) =>
      changePassword(ctx.db, {
        userId: ctx.session.userId,
        currentSessionId: ctx.session.sessionId,
        ...input,
        now: ctx.now(),
      }),
    ),

  sessions: protectedProcedure
    .output(syncParser(sessionListOutput))
    .query(({ ctx }) =>
      listSessions(ctx.db, { userId: ctx.session.userId, currentTokenId: ctx.session.sessionId, now: ctx.now() }),
    ),

  revokeSession: protectedProcedure
    .input(syncParser(revokeSessionInput))
    .output(syncParser(revokeSessionOutput))
    .mutation(async ({ ctx, input }) => {
      const found = await revokeSession(ctx.db, { userId: ctx.session.userId, sessionId: input.id, now: ctx.now() });
      if (!found) throw new DomainError('NOT_FOUND', 'Session not found.');
      return { ok: true as const };
    }),

  /** "Sign out everywhere else": every session of the user but the one making the request. */
  revokeOtherSessions: protectedProcedure.output(syncParser(revokeOtherSessionsOutput)).mutation(async ({ ctx }) => {
    if (!ctx.session.sessionId) throw new DomainError('PRECONDITION_FAILED', 'This session cannot tell which device it is.');
    const signedOut = await revokeAllForUser(ctx.db, {
      userId: ctx.session.userId,
      exceptTokenId: ctx.session.sessionId,
      now: ctx.now(),
    });
    return { signedOut };
  }),

  acceptInvitation: publicProcedure
    .input(syncParser(acceptInvitationInput))
    .output(syncParser(acceptInvitationOutput))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, { ...input, ip: ctx.request.ip, now: ctx.now() })),
});
