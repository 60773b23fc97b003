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
    .input(registerInput)
    .output(registerOutput)
    .mutation(({ ctx, input }) => registerCompany(ctx.db, input, { ip: ctx.request.ip, now: ctx.now() })),

  /** What a client invitation link pre-fills on the register page (or why it cannot be used). */
  clientInvitation: publicProcedure
    .input(clientInvitationInput)
    .output(clientInvitationOutput)
    .query(({ ctx, input }) => clientInvitationInfo(ctx.db, input.token, ctx.now())),

  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .output(requestPasswordResetOutput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, { email: input.email, ip: ctx.request.ip, now: ctx.now() })),

  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .output(resetPasswordOutput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, { ...input, ip: ctx.request.ip, now: ctx.now() })),

  changePassword: protectedProcedure
    .input(changePasswordInput)
    .output(changePasswordOutput)
    .mutation(({ ctx, input }) =>
      changePassword(ctx.db, {
        userId: ctx.session.userId,
        currentSessionId: ctx.session.sessionId,
        ...input,
        now: ctx.now(),
      }),
    ),

  sessions: protectedProcedure
    .output(sessionListOutput)
    .query(({ ctx }) =>
      listSessions(ctx.db, { userId: ctx.session.userId, currentTokenId: ctx.session.sessionId, now: ctx.now() }),
    ),

  revokeSession: protectedProcedure
    .input(revokeSessionInput)
    .output(revokeSessionOutput)
    .mutation(async ({ ctx, input }) => {
      const found = await revokeSession(ctx.db, { userId: ctx.session.userId, sessionId: input.id, now: ctx.now() });
      if (!found) throw new DomainError('NOT_FOUND', 'Session not found.');
      return { ok: true as const };
    }),

  /** "Sign out everywhere else": every session of the user but the one making the request. */
  revokeOtherSessions: protectedProcedure.output(revokeOtherSessionsOutput).mutation(async ({ ctx }) => {
    if (!ctx.session.sessionId) throw new DomainError('PRECONDITION_FAILED', 'This session cannot tell which device it is.');
    const signedOut = await revokeAllForUser(ctx.db, {
      userId: ctx.session.userId,
      exceptTokenId: ctx.session.sessionId,
      now: ctx.now(),
    });
    return { signedOut };
  }),

  acceptInvitation: publicProcedure
    .input(acceptInvitationInput)
    .output(acceptInvitationOutput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, { ...input, ip: ctx.request.ip, now: ctx.now() })),
});
