import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { cateringProfiles, companies } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { DashboardOutput } from '@/lib/schemas/report';
import { DomainError } from '@/server/domain/errors';
import { catererDashboard } from './caterer-dashboard';
import { clientDashboard } from './client-dashboard';

/** The signed-in company's dashboard, shaped by its type (caterer or client). */
export async function getDashboard(db: DbOrTx, viewer: SessionUser, input: { now: Date }): Promise<DashboardOutput> {
  const [company] = await db
    .select({ timezone: companies.timezone, currency: companies.currency, dailyCapacity: cateringProfiles.dailyCapacity })
    .from(companies)
    .leftJoin(cateringProfiles, eq(cateringProfiles.companyId, companies.id))
    .where(eq(companies.id, viewer.companyId));
  if (!company) throw new DomainError('NOT_FOUND', 'Company not found.');
  if (viewer.companyType === 'CLIENT') return clientDashboard(db, viewer, company, input.now);
  return catererDashboard(db, viewer, { ...company, dailyCapacity: company.dailyCapacity ?? 0 }, input.now);
}
