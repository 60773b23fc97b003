import { userListOutput } from '@/server/api/schemas/user';
import { router, tenantProcedure } from '@/server/api/trpc';
import { listUsers } from '@/server/services/users';

export const userRouter = router({
  list: tenantProcedure.output(userListOutput).query(({ ctx }) => listUsers(ctx.db, ctx.tenant.companyId)),
});
