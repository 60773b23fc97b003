import { allQueries } from '@/db/concurrent';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { clientProfiles, companies, contracts } from '@/db/schema';
import { standardMeals } from '@/lib/diets';
import type { ProductionLineOutput, ProductionOutput } from '@/lib/schemas/production';
import type { SessionUser } from '@/server/domain/actor';
import { deliveryInstant } from '@/server/domain/deadline';
import { productionStatus, productionTotals } from '@/server/domain/production';
import { toHhMm } from '@/lib/dates';
import { listServiceDays } from '@/server/services/service-days/views';

const NO_DETAILS = { deliveryAddress: null, deliveryInstructions: null, siteContactName: null, siteContactPhone: null };

/**
 * The caterer's day: per contract with a service day on `date` (cancelled ones left out) the
 * client, its delivery time and address, the count with its diet split and how settled it is,
 * and the menu; totals per diet and per status. One list of days (the viewer's own), one
 * query for the contracts' delivery facts.
 */
export async function productionReport(db: DbOrTx, viewer: SessionUser, input: { date: string; now: Date }): Promise<ProductionOutput> {
  const { date, now } = input;
  const days = (await listServiceDays(db, viewer, { from: date, to: date, now })).filter(
    (d) => d.status !== 'CANCELLED' && d.cateringId === viewer.companyId,
  );
  const contractIds = [...new Set(days.map((d) => d.contractId))];
  const [facts, [company]] = await allQueries([
    contractIds.length === 0
      ? []
      : db
          .select({
            id: contracts.id,
            deliveryTime: contracts.deliveryTime,
            deliveryAddress: clientProfiles.deliveryAddress,
            deliveryInstructions: clientProfiles.deliveryInstructions,
            siteContactName: clientProfiles.siteContactName,
            siteContactPhone: clientProfiles.siteContactPhone,
          })
          .from(contracts)
          .leftJoin(clientProfiles, eq(clientProfiles.companyId, contracts.clientId))
          .where(inArray(contracts.id, contractIds)),
    db.select({ name: companies.name, timezone: companies.timezone }).from(companies).where(eq(companies.id, viewer.companyId)),
  ]);
  const factsOf = new Map(facts.map((f) => [f.id, f]));
  const lines: ProductionLineOutput[] = days.map((d) => {
    const f = factsOf.get(d.contractId);
    return {
      serviceDayId: d.id,
      contractId: d.contractId,
      clientId: d.clientId,
      clientName: d.clientName,
      deliveryTime: f ? toHhMm(f.deliveryTime) : '12:00',
      clientTimeZone: d.clientTimeZone,
      delivery: f
        ? {
            deliveryAddress: f.deliveryAddress,
            deliveryInstructions: f.deliveryInstructions,
            siteContactName: f.siteContactName,
            siteContactPhone: f.siteContactPhone,
          }
        : NO_DETAILS,
      total: d.expectedQuantity,
      standard: standardMeals(d.expectedQuantity, d.diets),
      diets: d.diets,
      status: productionStatus({ status: d.status, autoLocked: d.expectedAutoLocked, deadline: d.deadline, now }),
      dayStatus: d.status,
      deadline: d.deadline,
      servedQuantity: d.servedQuantity,
      canConfirmServed: d.canConfirmServed,
      maxQuantity: d.maxQuantity,
      menu: d.menu,
    };
  });
  // In delivery order: clients in different zones are compared by the instant, not by their clocks.
  const deliveryAt = new Map(lines.map((l) => [l, deliveryInstant(date, l.deliveryTime, l.clientTimeZone).toMillis()]));
  lines.sort((a, b) => deliveryAt.get(a)! - deliveryAt.get(b)! || a.clientName.localeCompare(b.clientName) || a.contractId.localeCompare(b.contractId));
  return { date, catererName: company?.name ?? '', catererTimeZone: company?.timezone ?? 'UTC', lines, totals: productionTotals(lines) };
}
