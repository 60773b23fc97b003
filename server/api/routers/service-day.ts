import {
  confirmExpectedBatchInput,
  confirmExpectedInput,
  confirmServedBatchInput,
  confirmServedInput,
  correctServedInput,
  disputeInput,
  listServiceDaysInput,
  resolveDisputeInput,
  requestChangeInput,
  answerChangeInput,
  serviceDayListOutput,
  serviceDayOutput,
} from '@/lib/schemas/service-day';
import { requireCompanyType, requireRole, router, tenantProcedure } from '@/server/api/trpc';
import { syncParser } from '@/server/api/sync-parser';
import { answerLateChange, requestLateChange } from '@/server/services/service-days/late-changes';
import { confirmExpectedQuantities } from '@/server/services/service-days/confirm-expected';
import { confirmServedQuantities, confirmServedQuantity, correctServedQuantity } from '@/server/services/service-days/confirm-served';
import { disputeServedQuantity, resolveServedDispute } from '@/server/services/service-days/disputes';
import { listServiceDays } from '@/server/services/service-days/views';

// Guards run before input parsing, so a wrong role is FORBIDDEN whatever the input.
const clientConfirmer = tenantProcedure.use(requireCompanyType('CLIENT')).use(requireRole('ADMIN', 'MANAGER'));
const catererConfirmer = tenantProcedure.use(requireCompanyType('CATERING')).use(requireRole('ADMIN', 'MANAGER'));
const catererAdmin = tenantProcedure.use(requireCompanyType('CATERING')).use(requireRole('ADMIN'));

export const serviceDayRouter = router({
  list: tenantProcedure
    .input(syncParser(listServiceDaysInput))
    .output(syncParser(serviceDayListOutput))
    .query(({ ctx, input }) => listServiceDays(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  confirmExpected: clientConfirmer
    .input(syncParser(confirmExpectedInput))
    .output(syncParser(serviceDayOutput))
    .mutation(async ({ ctx, input }) => {
      const [day] = await confirmExpectedQuantities(ctx.db, ctx.tenant, { items: [input], now: ctx.now() });
      return day!;
    }),
  confirmExpectedBatch: clientConfirmer
    .input(syncParser(confirmExpectedBatchInput))
    .output(syncParser(serviceDayListOutput))
    .mutation(({ ctx, input }) => confirmExpectedQuantities(ctx.db, ctx.tenant, { items: input.items, now: ctx.now() })),
  confirmServed: catererConfirmer
    .input(syncParser(confirmServedInput))
    .output(syncParser(serviceDayOutput))
    .mutation(({ ctx, input }) => confirmServedQuantity(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  /** A date's served counts for many clients at once (the Production grid), all or nothing. */
  confirmServedBatch: catererConfirmer
    .input(syncParser(confirmServedBatchInput))
    .output(syncParser(serviceDayListOutput))
    .mutation(({ ctx, input }) => confirmServedQuantities(ctx.db, ctx.tenant, { items: input.items, now: ctx.now() })),
  correctServed: catererConfirmer
    .input(syncParser(correctServedInput))
    .output(syncParser(serviceDayOutput))
    .mutation(({ ctx, input }) => correctServedQuantity(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  dispute: clientConfirmer
    .input(syncParser(disputeInput))
    .output(syncParser(serviceDayOutput))
    .mutation(({ ctx, input }) => disputeServedQuantity(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  /** After the deadline, until delivery: the client's ADMIN/MANAGER asks for another count (one open request per day). */
  requestChange: clientConfirmer
    .input(syncParser(requestChangeInput))
    .output(syncParser(serviceDayOutput))
    .mutation(({ ctx, input }) => requestLateChange(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  /** The caterer's ADMIN/MANAGER accepts (capacity checked, count applied) or declines the open request. */
  answerChange: catererConfirmer
    .input(syncParser(answerChangeInput))
    .output(syncParser(serviceDayOutput))
    .mutation(({ ctx, input }) => answerLateChange(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  resolveDispute: catererAdmin
    .input(syncParser(resolveDisputeInput))
    .output(syncParser(serviceDayOutput))
    .mutation(({ ctx, input }) => resolveServedDispute(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
});
