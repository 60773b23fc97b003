import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { cateringProfiles, clientOfficeDays, clientProfiles, companies } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import { DELIVERY_DETAIL_FIELDS, type CompanyOutput, type UpdateCompanyInput } from '@/lib/schemas/company';
import { DomainError } from '@/server/domain/errors';
import { isKnownHolidayCountry, publicHolidays } from '@/server/domain/holidays';
import { addDays, localToday } from '@/lib/dates';
import { cancelClosedDays } from '@/server/services/calendar/cancel-days';
import { recomputeOpenDeadlines } from '@/server/services/service-days/deadlines';
import { DEFAULT_HORIZON_DAYS } from '@/server/domain/service-dates';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { sqlArray } from '@/db/rows';
import { preparedQuery } from '@/db/prepared';

const ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The signed-in user's company with its profile and a full week of office days. */
export async function getCompany(db: DbOrTx, companyId: string): Promise<CompanyOutput> {
  const byId = preparedQuery(db, 'company_by_id', (handle) =>
    handle.query.companies
      .findFirst({
        where: and(eq(companies.id, sql.placeholder('id')), isNull(companies.deletedAt)),
        with: { cateringProfile: true, clientProfile: true, officeDays: true },
      })
      .prepare('company_by_id'),
  );
  const company = await byId.execute({ id: companyId });
  if (!company) throw new DomainError('NOT_FOUND', 'Company not found.');
  const open = new Map(company.officeDays.map((d) => [d.dayOfWeek, d.isWorkDay]));
  return {
    id: company.id,
    name: company.name,
    email: company.email,
    companyType: company.companyType,
    status: company.status,
    timezone: company.timezone,
    currency: company.currency,
    dailyCapacity: company.cateringProfile?.dailyCapacity ?? null,
    vatRateBasisPoints: company.cateringProfile?.vatRateBasisPoints ?? null,
    statementPrefix: company.cateringProfile?.statementPrefix ?? null,
    workMode: company.clientProfile?.workMode ?? null,
    holidayCountry: company.holidayCountry,
    delivery: company.clientProfile
      ? {
          deliveryAddress: company.clientProfile.deliveryAddress,
          deliveryInstructions: company.clientProfile.deliveryInstructions,
          siteContactName: company.clientProfile.siteContactName,
          siteContactPhone: company.clientProfile.siteContactPhone,
        }
      : null,
    officeDays: ALL_WEEKDAYS.map((dayOfWeek) => ({ dayOfWeek, isWorkDay: open.get(dayOfWeek) ?? true })),
    createdAt: company.createdAt,
  };
}

/**
 * An ADMIN changes the company's settings. A client's new time zone moves the deadlines of its
 * days that are still open (same transaction); deadlines that have passed stay where they were.
 */
export async function updateCompany(db: DbOrTx, tenant: SessionUser, input: UpdateCompanyInput & { now: Date }) {
  if (input.dailyCapacity !== undefined && tenant.companyType !== 'CATERING') {
    throw new DomainError('BAD_REQUEST', 'Only caterers have a daily capacity.', 'dailyCapacity');
  }
  for (const field of ['vatRateBasisPoints', 'statementPrefix'] as const) {
    if (input[field] !== undefined && tenant.companyType !== 'CATERING') {
      throw new DomainError('BAD_REQUEST', 'Only caterers issue statements.', field);
    }
  }
  if (input.workMode !== undefined && tenant.companyType !== 'CLIENT') {
    throw new DomainError('BAD_REQUEST', 'Only clients have a work mode.', 'workMode');
  }
  for (const field of DELIVERY_DETAIL_FIELDS) {
    if (input[field] !== undefined && tenant.companyType !== 'CLIENT') {
      throw new DomainError('BAD_REQUEST', 'Delivery details belong to client companies (where the caterer delivers).', field);
    }
  }
  const delivery = Object.fromEntries(DELIVERY_DETAIL_FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));
  const { holidayCountry, now } = input;
  if (holidayCountry && !isKnownHolidayCountry(holidayCountry)) {
    throw new DomainError('BAD_REQUEST', `No public-holiday calendar is known for "${holidayCountry}"; choose one from the list.`, 'holidayCountry');
  }
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ holidayCountry: companies.holidayCountry, timezone: companies.timezone })
      .from(companies)
      .where(eq(companies.id, tenant.companyId))
      .for('update');
    if (input.name !== undefined || input.timezone !== undefined || input.currency !== undefined || holidayCountry !== undefined) {
      await tx
        .update(companies)
        .set({ name: input.name, timezone: input.timezone, currency: input.currency, holidayCountry })
        .where(eq(companies.id, tenant.companyId));
    }
    const holidaysChanged = holidayCountry !== undefined && holidayCountry !== before?.holidayCountry;
    if ((input.timezone !== undefined || holidaysChanged) && tenant.companyType === 'CLIENT') {
      await recomputeOpenDeadlines(tx, { clientId: tenant.companyId }, now);
    }
    if (holidaysChanged) {
      // Holidays count as closures: planned days on the new calendar's holidays are cancelled
      // (deadline ahead), and days on holidays of the old calendar are planned again.
      const today = localToday(now, input.timezone ?? before?.timezone ?? 'UTC');
      const holidays = publicHolidays(holidayCountry ?? null, today, addDays(today, DEFAULT_HORIZON_DAYS + 1));
      if (holidays.length > 0) {
        const names = [...new Set(holidays.map((h) => h.name))];
        await cancelClosedDays(tx, tenant, {
          closed: sql`sd.service_date = any(${sqlArray(holidays.map((h) => h.date), 'date')})`,
          reason: names.length === 1 ? `public holiday: ${names[0]}` : 'public holidays',
          closureId: null,
          now,
        });
      }
      await generateServiceDays(tx, { now, companyId: tenant.companyId });
    }
    const { dailyCapacity, vatRateBasisPoints, statementPrefix } = input;
    if (dailyCapacity !== undefined || vatRateBasisPoints !== undefined || statementPrefix !== undefined) {
      await tx
        .update(cateringProfiles)
        .set({ dailyCapacity, vatRateBasisPoints, statementPrefix })
        .where(eq(cateringProfiles.companyId, tenant.companyId));
    }
    if (input.workMode !== undefined || Object.keys(delivery).length > 0) {
      await tx
        .update(clientProfiles)
        .set({ workMode: input.workMode, ...delivery })
        .where(eq(clientProfiles.companyId, tenant.companyId));
    }
  });
  return getCompany(db, tenant.companyId);
}

export async function setOfficeDays(
  db: DbOrTx,
  tenant: SessionUser,
  days: { dayOfWeek: number; isWorkDay: boolean }[],
) {
  if (tenant.companyType !== 'CLIENT') {
    throw new DomainError('BAD_REQUEST', 'Office days are set by client companies.', 'days');
  }
  await db
    .insert(clientOfficeDays)
    .values(days.map((d) => ({ companyId: tenant.companyId, ...d })))
    .onConflictDoUpdate({
      target: [clientOfficeDays.companyId, clientOfficeDays.dayOfWeek],
      set: { isWorkDay: sql`excluded.is_work_day` },
    });
  return getCompany(db, tenant.companyId);
}
