import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { cateringProfiles, clientOfficeDays, clientProfiles, companies } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { CompanyOutput, UpdateCompanyInput } from '@/lib/schemas/company';
import { DomainError } from '@/server/domain/errors';
import { recomputeOpenDeadlines } from '@/server/services/service-days/deadlines';

const ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The signed-in user's company with its profile and a full week of office days. */
export async function getCompany(db: DbOrTx, companyId: string): Promise<CompanyOutput> {
  const company = await db.query.companies.findFirst({
    where: and(eq(companies.id, companyId), isNull(companies.deletedAt)),
    with: { cateringProfile: true, clientProfile: true, officeDays: true },
  });
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
    workMode: company.clientProfile?.workMode ?? null,
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
  if (input.workMode !== undefined && tenant.companyType !== 'CLIENT') {
    throw new DomainError('BAD_REQUEST', 'Only clients have a work mode.', 'workMode');
  }
  await db.transaction(async (tx) => {
    if (input.name !== undefined || input.timezone !== undefined || input.currency !== undefined) {
      await tx
        .update(companies)
        .set({ name: input.name, timezone: input.timezone, currency: input.currency })
        .where(eq(companies.id, tenant.companyId));
    }
    if (input.timezone !== undefined && tenant.companyType === 'CLIENT') {
      await recomputeOpenDeadlines(tx, { clientId: tenant.companyId }, input.now);
    }
    if (input.dailyCapacity !== undefined) {
      await tx
        .update(cateringProfiles)
        .set({ dailyCapacity: input.dailyCapacity })
        .where(eq(cateringProfiles.companyId, tenant.companyId));
    }
    if (input.workMode !== undefined) {
      await tx.update(clientProfiles).set({ workMode: input.workMode }).where(eq(clientProfiles.companyId, tenant.companyId));
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
