import { copyWeekInput, copyWeekOutput, listMenusInput, menuListOutput, menuOutput, setMenuInput } from '@/lib/schemas/menu';
import { requireCompanyType, requireRole, router, tenantProcedure } from '@/server/api/trpc';
import { syncParser } from '@/server/api/sync-parser';
import { copyMenuWeek, listMenus, setMenu } from '@/server/services/menus/menus';

// Guards run before input parsing, so a wrong role is FORBIDDEN whatever the input.
const menuEditor = tenantProcedure.use(requireCompanyType('CATERING')).use(requireRole('ADMIN', 'MANAGER'));

export const menuRouter = router({
  /** The date's menu after the change; null when `dishes: []` removed it. */
  set: menuEditor
    .input(syncParser(setMenuInput))
    .output(syncParser(menuOutput.nullable()))
    .mutation(({ ctx, input }) => setMenu(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  /** Both parties read a contract's menus. */
  list: tenantProcedure
    .input(syncParser(listMenusInput))
    .output(syncParser(menuListOutput))
    .query(({ ctx, input }) => listMenus(ctx.db, ctx.tenant, input)),
  /** Copies a Monday–Sunday week's menus onto another week, weekday by weekday. */
  copyWeek: menuEditor
    .input(syncParser(copyWeekInput))
    .output(syncParser(copyWeekOutput))
    .mutation(({ ctx, input }) => copyMenuWeek(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
});
