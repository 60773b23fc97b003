import { dashboardOutput, weeklyReportInput, weeklyReportOutput } from '@/lib/schemas/report';
import { productionInput, productionOutput } from '@/lib/schemas/production';
import { requireCompanyType, router, tenantProcedure } from '@/server/api/trpc';
import { syncParser } from '@/server/api/sync-parser';
import { productionReport } from '@/server/services/reports/production';
import { getDashboard } from '@/server/services/reports/dashboard';
import { weeklyReport } from '@/server/services/reports/weekly';

// Reading figures is open to every role of a party to the contract (EMPLOYEE is read-only).
export const reportRouter = router({
  dashboard: tenantProcedure
    .output(syncParser(dashboardOutput))
    .query(({ ctx }) => getDashboard(ctx.db, ctx.tenant, { now: ctx.now() })),
  weekly: tenantProcedure
    .input(syncParser(weeklyReportInput))
    .output(syncParser(weeklyReportOutput))
    .query(({ ctx, input }) => weeklyReport(ctx.db, ctx.tenant, input)),
  /** The caterer's day: what to cook, for whom, when and where (every caterer role reads it). */
  production: tenantProcedure
    .use(requireCompanyType('CATERING'))
    .input(syncParser(productionInput))
    .output(syncParser(productionOutput))
    .query(({ ctx, input }) => productionReport(ctx.db, ctx.tenant, { date: input.date, now: ctx.now() })),
});
