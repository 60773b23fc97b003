import { caterer, client } from '@/server/services/party-aliases';
import { and, eq, sql } from 'drizzle-orm';
import { preparedQuery } from '@/db/prepared';
import type { DbOrTx } from '@/db/types';
import { contracts } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { WeeklyReportOutput } from '@/lib/schemas/report';
import { DomainError } from '@/server/domain/errors';
import { partyOf } from '@/server/services/contracts/views';


export type ReportContract = WeeklyReportOutput['contract'];

/** The contract a report is about; one the viewer is not a party to is NOT_FOUND, like a missing one. */
export async function loadReportContract(db: DbOrTx, viewer: SessionUser, contractId: string): Promise<ReportContract> {
  const visible = preparedQuery(db, 'report_contract', (handle) =>
    handle
      .select({
        id: contracts.id,
        status: contracts.status,
        pricePerMealCents: contracts.pricePerMealCents,
        cateringName: caterer.name,
        clientName: client.name,
        currency: contracts.currency,
        clientTimeZone: client.timezone,
      })
      .from(contracts)
      .innerJoin(caterer, eq(caterer.id, contracts.cateringId))
      .innerJoin(client, eq(client.id, contracts.clientId))
      .where(and(eq(contracts.id, sql.placeholder('contractId')), partyOf(sql.placeholder('viewer'))))
      .prepare('report_contract'),
  );
  const [row] = await visible.execute({ contractId, viewer: viewer.companyId });
  if (!row) throw new DomainError('NOT_FOUND', 'Contract not found.');
  return row;
}
