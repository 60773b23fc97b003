import { idInput } from '@/lib/schemas/common';
import {
  addClosureInput,
  addClosureOutput,
  calendarInput,
  calendarOutput,
  closureOutput,
  companyOutput,
  holidayCountriesOutput,
  listClosuresInput,
  removeClosureOutput,
  setOfficeDaysInput,
  updateCompanyInput,
} from '@/lib/schemas/company';
import { z } from 'zod';
import { requireRole, router, tenantProcedure } from '@/server/api/trpc';
import { syncParser } from '@/server/api/sync-parser';
import { holidayCountryOptions } from '@/server/domain/holidays';
import { addClosure, companyCalendar, listClosures, removeClosure } from '@/server/services/calendar/closures';
import { getCompany, setOfficeDays, updateCompany } from '@/server/services/company';

const adminProcedure = tenantProcedure.use(requireRole('ADMIN'));
const managerProcedure = tenantProcedure.use(requireRole('ADMIN', 'MANAGER'));

export const companyRouter = router({
  me: tenantProcedure.output(syncParser(companyOutput)).query(({ ctx }) => getCompany(ctx.db, ctx.tenant.companyId)),
  update: adminProcedure
    .input(syncParser(updateCompanyInput))
    .output(syncParser(companyOutput))
    .mutation(({ ctx, input }) => updateCompany(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  setOfficeDays: adminProcedure
    .input(syncParser(setOfficeDaysInput))
    .output(syncParser(companyOutput))
    .mutation(({ ctx, input }) => setOfficeDays(ctx.db, ctx.tenant, input.days)),
  /** Public-holiday calendars to choose from (countries and their subdivisions). */
  holidayCountries: tenantProcedure.output(syncParser(holidayCountriesOutput)).query(() => holidayCountryOptions()),
  addClosure: managerProcedure
    .input(syncParser(addClosureInput))
    .output(syncParser(addClosureOutput))
    .mutation(({ ctx, input }) => addClosure(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  closures: tenantProcedure
    .input(syncParser(listClosuresInput))
    .output(syncParser(z.array(closureOutput)))
    .query(({ ctx, input }) => listClosures(ctx.db, ctx.tenant, input ?? {})),
  removeClosure: managerProcedure
    .input(syncParser(idInput))
    .output(syncParser(removeClosureOutput))
    .mutation(({ ctx, input }) => removeClosure(ctx.db, ctx.tenant, { id: input.id, now: ctx.now() })),
  /** Closures and public holidays between two dates (the calendar page). */
  calendar: tenantProcedure
    .input(syncParser(calendarInput))
    .output(syncParser(calendarOutput))
    .query(({ ctx, input }) => companyCalendar(ctx.db, ctx.tenant, input)),
});
