import { registerInput, registerOutput } from '@/server/api/schemas/auth';
import { publicProcedure, router } from '@/server/api/trpc';
import { registerCompany } from '@/server/services/registration';

export const authRouter = router({
  register: publicProcedure
    .input(registerInput)
    .output(registerOutput)
    .mutation(({ ctx, input }) => registerCompany(ctx.db, input)),
});
