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
import { holidayCountryOptions } from '@/server/domain/holidays';
import { addClosure, companyCalendar, listClosures, removeClosure } from '@/server/services/calendar/closures';
import { getCompany, setOfficeDays, updateCompany } from '@/server/services/company';

const adminProcedure = tenantProcedure.use(requireRole('ADMIN'));
const managerProcedure = tenantProcedure.use(requireRole('ADMIN', 'MANAGER'));

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
  /** Public-holiday calendars to choose from (countries and their subdivisions). */
  holidayCountries: tenantProcedure.output(holidayCountriesOutput).query(() => holidayCountryOptions()),
  addClosure: managerProcedure
    .input(addClosureInput)
    .output(addClosureOutput)
    .mutation(({ ctx, input }) => addClosure(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  closures: tenantProcedure
    .input(listClosuresInput)
    .output(z.array(closureOutput))
    .query(({ ctx, input }) => listClosures(ctx.db, ctx.tenant, input ?? {})),
  removeClosure: managerProcedure
    .input(idInput)
    .output(removeClosureOutput)
    .mutation(({ ctx, input }) => removeClosure(ctx.db, ctx.tenant, { id: input.id, now: ctx.now() })),
  /** Closures and public holidays between two dates (the calendar page). */
  calendar: tenantProcedure
    .input(calendarInput)
    .output(calendarOutput)
    .query(({ ctx, input }) => companyCalendar(ctx.db, ctx.tenant, input)),
});
