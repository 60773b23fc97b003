import type { ServiceDayStatus } from '@/lib/enums';
import type { BlockingDay, StatementContent, StatementItem, StatementLine, StatementTotal } from '@/lib/schemas/statement';
import { lateReductionChargeCents } from './late-change';
import { lineAmounts } from './vat';

/**
 * What a monthly statement bills, as a pure function of the rows: every settled day up to the
 * month's end that no issued statement has billed yet (the month's days, and earlier ones that
 * were excluded or settled late), a correction line for every billed day whose amount has
 * changed since (a dispute resolved after issue, a correction), and the days that still block
 * issuing (no served count yet, or an open dispute). A draft is this, recomputed on every read;
 * issuing stores it as it is then.
 */

/** A day of the client's contracts with the caterer, with the price in force on its date. */
export interface StatementDay {
  serviceDayId: string;
  contractId: string;
  serviceDate: string;
  status: ServiceDayStatus;
  servedQuantity: number | null;
  pricePerMealCents: number;
  /** The price period the date is in (a line per contract and period). */
  periodFrom: string;
  currency: string;
  /** Meals removed by accepted late changes, billed at `lateChargePercent` % of the price. */
  lateRemovedMeals?: number;
  lateChargePercent?: number;
}

/** What issued statements have billed for a day so far (summed over them). */
export interface BilledDay {
  serviceDayId: string;
  quantity: number;
  netCents: number;
}

/** 'YYYY-MM' → its first and last date. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

const SETTLED: readonly ServiceDayStatus[] = ['SERVED_CONFIRMED'];
const UNSETTLED: readonly ServiceDayStatus[] = ['PENDING', 'EXPECTED_CONFIRMED', 'DISPUTED'];

export function buildStatement(input: {
  month: string;
  vatRateBasisPoints: number;
  /** The contracts' days up to the month's end (earlier months too: late-settled ones). */
  days: readonly StatementDay[];
  billed: readonly BilledDay[];
  /** Days the caterer chose to leave off this statement (they stay billable later). */
  excluded?: ReadonlySet<string>;
}): StatementContent {
  const { month, vatRateBasisPoints, days, excluded = new Set() } = input;
  const { from, to } = monthRange(month);
  const billed = new Map(input.billed.map((b) => [b.serviceDayId, b]));
  const items: StatementItem[] = [];
  const blocking: BlockingDay[] = [];
  const sorted = [...days].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.contractId.localeCompare(b.contractId));
  for (const day of sorted) {
    if (day.serviceDate > to || excluded.has(day.serviceDayId)) continue;
    const before = billed.get(day.serviceDayId);
    const settled = SETTLED.includes(day.status) && day.servedQuantity !== null;
    if (!settled) {
      // An unsettled day of this month blocks; an earlier one blocks only if never billed.
      if (UNSETTLED.includes(day.status) && !before && day.serviceDate >= from) blocking.push(pick(day));
      continue;
    }
    const quantity = day.servedQuantity!;
    const lateRemovedMeals = day.lateRemovedMeals ?? 0;
    const lateChargeCents = lateReductionChargeCents(lateRemovedMeals, day.pricePerMealCents, day.lateChargePercent ?? 0);
    const netCents = quantity * day.pricePerMealCents + lateChargeCents;
    const base = { serviceDayId: day.serviceDayId, contractId: day.contractId, serviceDate: day.serviceDate, pricePerMealCents: day.pricePerMealCents, currency: day.currency };
    if (!before) items.push({ ...base, kind: 'SERVICE', quantity, netCents, lateRemovedMeals, lateChargeCents });
    else if (before.netCents !== netCents || before.quantity !== quantity) {
      const change = { kind: 'CORRECTION' as const, quantity: quantity - before.quantity, netCents: netCents - before.netCents };
      items.push({ ...base, ...change, lateRemovedMeals: 0, lateChargeCents: 0 });
    }
  }
  const lines = groupLines(items, sorted, vatRateBasisPoints);
  return { month, vatRateBasisPoints, lines, items, blocking, totals: totalsOf(lines) };
}

function pick(day: StatementDay): BlockingDay {
  return { serviceDayId: day.serviceDayId, contractId: day.contractId, serviceDate: day.serviceDate, status: day.status };
}

/**
 * SERVICE items: one line per contract and price period (served meals × price); their late
 * reduction charges: one LATE_REDUCTION line per contract, price and share; CORRECTION items:
 * one line per day.
 */
function groupLines(items: StatementItem[], days: readonly StatementDay[], rate: number): StatementLine[] {
  const periodOf = new Map(days.map((d) => [d.serviceDayId, d.periodFrom]));
  const percentOf = new Map(days.map((d) => [d.serviceDayId, d.lateChargePercent ?? 0]));
  type Part = { item: StatementItem; kind: StatementLine['kind']; meals: number; net: number };
  const groups = new Map<string, Part[]>();
  const add = (key: string, part: Part) => groups.set(key, [...(groups.get(key) ?? []), part]);
  for (const item of items) {
    if (item.kind === 'CORRECTION') {
      add(`C|${item.serviceDayId}`, { item, kind: 'CORRECTION', meals: item.quantity, net: item.netCents });
      continue;
    }
    const late = item.lateChargeCents ?? 0;
    add(`S|${item.contractId}|${periodOf.get(item.serviceDayId)}|${item.pricePerMealCents}`, {
      item,
      kind: 'SERVICE',
      meals: item.quantity,
      net: item.netCents - late,
    });
    if ((item.lateRemovedMeals ?? 0) > 0) {
      add(`L|${item.contractId}|${item.pricePerMealCents}|${percentOf.get(item.serviceDayId)}`, {
        item,
        kind: 'LATE_REDUCTION',
        meals: item.lateRemovedMeals ?? 0,
        net: late,
      });
    }
  }
  const ORDER: Record<StatementLine['kind'], number> = { SERVICE: 0, LATE_REDUCTION: 1, CORRECTION: 2 };
  const lines = [...groups.values()].map((group): StatementLine => {
    const first = group[0]!;
    const net = group.reduce((sum, p) => sum + p.net, 0);
    return {
      kind: first.kind,
      chargePercent: first.kind === 'LATE_REDUCTION' ? (percentOf.get(first.item.serviceDayId) ?? 0) : null,
      contractId: first.item.contractId,
      currency: first.item.currency,
      pricePerMealCents: first.item.pricePerMealCents,
      periodFrom: first.kind === 'SERVICE' ? (periodOf.get(first.item.serviceDayId) ?? null) : null,
      firstDate: first.item.serviceDate,
      lastDate: group.at(-1)!.item.serviceDate,
      days: group.length,
      meals: group.reduce((sum, p) => sum + p.meals, 0),
      ...lineAmounts(net, rate),
    };
  });
  // Service lines first (by contract, then period), late reductions, corrections after them (by date).
  return lines.sort(
    (a, b) =>
      ORDER[a.kind] - ORDER[b.kind] ||
      a.contractId.localeCompare(b.contractId) ||
      a.firstDate.localeCompare(b.firstDate),
  );
}

/** Per currency, in code order; amounts in different currencies are never added together. */
function totalsOf(lines: StatementLine[]): StatementTotal[] {
  const totals = new Map<string, StatementTotal>();
  for (const line of lines) {
    const t = totals.get(line.currency) ?? { currency: line.currency, netCents: 0, vatCents: 0, grossCents: 0 };
    t.netCents += line.netCents;
    t.vatCents += line.vatCents;
    t.grossCents += line.grossCents;
    totals.set(line.currency, t);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** `<PREFIX>-YYYY-NNNN`: the caterer's sequence, per year of issue, gap-free. */
export function statementNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(4, '0')}`;
}
