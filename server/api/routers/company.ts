import { companyOutput, setOfficeDaysInput, updateCompanyInput } from '@/lib/schemas/company';
import { requireRole, router, tenantProcedure } from '@/server/api/trpc';
import { getCompany, setOfficeDays, updateCompany } from '@/server/services/company';

const adminProcedure = tenantProcedure.use(requireRole('ADMIN'));

export const companyRouter = router({
  me: tenantProcedure.output(companyOutput).query(({ ctx }) => getCompany(ctx.db, ctx.tenant.companyId)),
  update: adminProcedure
    .input(updateCompanyInput)
    .output(companyOutput)
    .mutation(({ ctx, input }) => updateCompany(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  setOfficeDays: adminProcedure
    .input(setOfficeDaysInput)
    .output(companyOutput)
    .mutation(({ ctx, input }) => setOfficeDays(ctx.db, ctx.tenant, input.days)),
});
