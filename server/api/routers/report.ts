import { dashboardOutput, weeklyReportInput, weeklyReportOutput } from '@/lib/schemas/report';
import { router, tenantProcedure } from '@/server/api/trpc';
import { getDashboard } from '@/server/services/reports/dashboard';
import { weeklyReport } from '@/server/services/reports/weekly';

// Reading figures is open to every role of a party to the contract (EMPLOYEE is read-only).
export const reportRouter = router({
  dashboard: tenantProcedure
    .output(dashboardOutput)
    .query(({ ctx }) => getDashboard(ctx.db, ctx.tenant, { now: ctx.now() })),
  weekly: tenantProcedure
    .input(weeklyReportInput)
    .output(weeklyReportOutput)
    .query(({ ctx, input }) => weeklyReport(ctx.db, ctx.tenant, input)),
});
