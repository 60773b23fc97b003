import { allQueries } from '@/db/concurrent';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows } from '@/db/rows';
import { closures, contracts } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import type { AddClosureInput, AddClosureOutput, CalendarOutput, ClosureOutput } from '@/lib/schemas/company';
import { DomainError } from '@/server/domain/errors';
import { publicHolidays } from '@/server/domain/holidays';
import { partyOf } from '@/server/services/contracts/views';
import { recomputeOpenDeadlines } from '@/server/services/service-days/deadlines';
import { generateServiceDays } from '@/server/services/service-days/generation';
import { cancelClosedDays } from './cancel-days';

type ClosureRow = {
  id: string;
  company_id: string;
  company_name: string;
  contract_id: string | null;
  start_date: string;
  end_date: string;
  reason: string;
  created_at: string | Date;
};

const toOutput = (viewerCompanyId: string) => (r: ClosureRow): ClosureOutput => ({
  id: r.id,
  companyId: r.company_id,
  companyName: r.company_name,
  own: r.company_id === viewerCompanyId,
  contractId: r.contract_id,
  from: r.start_date,
  to: r.end_date,
  reason: r.reason,
  createdAt: new Date(r.created_at),
});

/**
 * The closures the viewer sees: its own, and those of its counterparts that touch a contract
 * they share (a counterpart's company-wide closure, or one scoped to a shared contract).
 */
export async function listClosures(db: DbOrTx, viewer: SessionUser, range: { from?: string; to?: string } = {}) {
  const me = viewer.companyId;
  const rows = await queryRows<ClosureRow>(
    db,
    sql`select x.id, x.company_id, co.name as company_name, x.contract_id, to_char(x.start_date, 'YYYY-MM-DD') as start_date,
          to_char(x.end_date, 'YYYY-MM-DD') as end_date, x.reason, x.created_at
        from closures x
        join companies co on co.id = x.company_id
        where x.deleted_at is null
          ${range.from ? sql`and x.end_date >= ${range.from}::date` : sql``}
          ${range.to ? sql`and x.start_date <= ${range.to}::date` : sql``}
          and (x.company_id = ${me}::uuid or exists (
            select 1 from contracts c
            where c.deleted_at is null and (x.contract_id is null or x.contract_id = c.id)
              and ((c.client_id = ${me}::uuid and c.catering_id = x.company_id) or (c.catering_id = ${me}::uuid and c.client_id = x.company_id))
          ))
        order by x.start_date, x.end_date, x.id`,
  );
  return rows.map(toOutput(me));
}

/**
 * An ADMIN or MANAGER records a closure of its company (or of one of its contracts). In the
 * same transaction the days inside it whose deadline is ahead are cancelled (the other party
 * is told), and, for a client's company-wide closure, the open deadlines of its business-day
 * contracts move to the new business days. The answer names the days that stay.
 */
export async function addClosure(db: DbOrTx, actor: SessionUser, input: AddClosureInput & { now: Date }): Promise<AddClosureOutput> {
  const { from, to, reason, contractId, now } = input;
  return db.transaction(async (tx) => {
    if (contractId) {
      const [visible] = await tx.select({ id: contracts.id }).from(contracts).where(and(eq(contracts.id, contractId), partyOf(actor.companyId)));
      if (!visible) throw new DomainError('NOT_FOUND', 'Contract not found.', 'contractId');
    }
    const [closure] = await tx
      .insert(closures)
      .values({ companyId: actor.companyId, contractId: contractId ?? null, startDate: from, endDate: to, reason, createdById: actor.userId })
      .returning({ id: closures.id });
    const id = closure!.id;
    const days = await cancelClosedDays(tx, actor, {
      closed: sql`sd.service_date between ${from}::date and ${to}::date`,
      contractId,
      reason,
      closureId: id,
      now,
    });
    if (actor.companyType === 'CLIENT' && !contractId) await recomputeOpenDeadlines(tx, { clientId: actor.companyId }, now);
    const [view] = (await listClosures(tx, actor, { from, to })).filter((c) => c.id === id);
    return { closure: view!, ...days };
  });
}

/**
 * Removes one of the company's closures. The window is planned again at once: missing days
 * are generated and cancelled days whose deadline is still ahead become PENDING again.
 */
export async function removeClosure(db: DbOrTx, actor: SessionUser, input: { id: string; now: Date }) {
  const { id, now } = input;
  return db.transaction(async (tx) => {
    const [closure] = await tx
      .select()
      .from(closures)
      .where(and(eq(closures.id, id), eq(closures.companyId, actor.companyId), isNull(closures.deletedAt)))
      .for('update');
    if (!closure) throw new DomainError('NOT_FOUND', 'Closure not found.');
    await tx.update(closures).set({ deletedAt: now }).where(eq(closures.id, id));
    if (actor.companyType === 'CLIENT' && !closure.contractId) await recomputeOpenDeadlines(tx, { clientId: actor.companyId }, now);
    const plannedServiceDays = await generateServiceDays(tx, {
      now,
      ...(closure.contractId ? { contractId: closure.contractId } : { companyId: actor.companyId }),
    });
    return { id, plannedServiceDays };
  });
}

/**
 * The calendar of a month (or any range): closures the viewer sees and public holidays of its
 * own holiday calendar and of its counterparts'.
 */
export async function companyCalendar(db: DbOrTx, viewer: SessionUser, range: { from: string; to: string }): Promise<CalendarOutput> {
  const me = viewer.companyId;
  const [closureList, companies] = await allQueries([
    listClosures(db, viewer, range),
    queryRows<{ id: string; name: string; holiday_country: string }>(
      db,
      sql`select co.id, co.name, co.holiday_country from companies co
          where co.holiday_country is not null and co.deleted_at is null and (co.id = ${me}::uuid or exists (
            select 1 from contracts c where c.deleted_at is null
              and ((c.client_id = ${me}::uuid and c.catering_id = co.id) or (c.catering_id = ${me}::uuid and c.client_id = co.id))))
          order by co.id = ${me}::uuid desc, co.name`,
    ),
  ]);
  const holidays = companies.flatMap((co) =>
    publicHolidays(co.holiday_country, range.from, range.to).map((h) => ({ ...h, companyName: co.name, own: co.id === me })),
  );
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  return { holidays, closures: closureList };
}
