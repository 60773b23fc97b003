import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { DbOrTx, Transaction } from '@/db/types';
import { companies, menus, type MenuDish } from '@/db/schema';
import { addDays, daysBetween, localToday } from '@/lib/dates';
import { MENU_NOTICE_DAYS } from '@/lib/limits';
import type { MenuOutput, SetMenuInput } from '@/lib/schemas/menu';
import type { SessionUser } from '@/server/domain/actor';
import { DomainError } from '@/server/domain/errors';
import { lockContractForParty, type ContractRow } from '@/server/services/contracts/load';
import { partyOf } from '@/server/services/contracts/views';
import { contracts } from '@/db/schema';
import { queueMenuDigest } from './digest';

type MenuRow = typeof menus.$inferSelect;
const toOutput = (row: MenuRow): MenuOutput => ({ contractId: row.contractId, date: row.serviceDate, dishes: row.dishes, updatedAt: row.updatedAt });

/** The caterer's own contract, locked (menu edits of one contract run one at a time); NOT_FOUND for anyone else's. */
async function lockCaterersContract(tx: Transaction, actor: SessionUser, contractId: string): Promise<ContractRow> {
  const contract = await lockContractForParty(tx, actor.companyId, contractId);
  // The client is a party too, but menus are the caterer's: answered like a contract it cannot see.
  if (contract.cateringId !== actor.companyId) throw new DomainError('NOT_FOUND', 'Contract not found.');
  if (contract.status === 'TERMINATED') {
    throw new DomainError('CONFLICT', 'This contract is terminated, so its menus can no longer be changed.');
  }
  return contract;
}

function assertWithinPeriod(contract: ContractRow, date: string, field: string): void {
  if (date < contract.startDate || date > contract.endDate) {
    throw new DomainError('BAD_REQUEST', `${date} is outside the contract's period (${contract.startDate} – ${contract.endDate}).`, field);
  }
}

/** Dates the client hears about: from its today through the next MENU_NOTICE_DAYS days. */
async function datesToNotify(tx: Transaction, contract: ContractRow, dates: string[], now: Date): Promise<string[]> {
  const [client] = await tx.select({ timezone: companies.timezone }).from(companies).where(eq(companies.id, contract.clientId));
  const today = localToday(now, client?.timezone ?? 'UTC');
  return dates.filter((d) => {
    const ahead = daysBetween(today, d);
    return ahead >= 0 && ahead <= MENU_NOTICE_DAYS;
  });
}

const sameDishes = (a: MenuDish[] | undefined, b: MenuDish[]) => JSON.stringify(a ?? []) === JSON.stringify(b);

/**
 * Writes the menus of one contract's dates (an empty list removes a date's menu) and tells the
 * client about the dates that changed within the next two weeks. Returns the dates changed.
 */
async function writeMenus(
  tx: Transaction,
  actor: SessionUser,
  contract: ContractRow,
  entries: { date: string; dishes: MenuDish[] }[],
  now: Date,
): Promise<string[]> {
  const dates = entries.map((e) => e.date);
  const existing = await tx
    .select()
    .from(menus)
    .where(and(eq(menus.contractId, contract.id), inArray(menus.serviceDate, dates)));
  const before = new Map(existing.map((m) => [m.serviceDate, m.dishes]));
  const changed = entries.filter((e) => !sameDishes(before.get(e.date), e.dishes));
  for (const { date, dishes } of changed) {
    if (dishes.length === 0) {
      await tx.delete(menus).where(and(eq(menus.contractId, contract.id), eq(menus.serviceDate, date)));
    } else {
      await tx
        .insert(menus)
        .values({ contractId: contract.id, serviceDate: date, dishes, updatedById: actor.userId })
        .onConflictDoUpdate({ target: [menus.contractId, menus.serviceDate], set: { dishes, updatedById: actor.userId } });
    }
  }
  const changedDates = changed.map((e) => e.date);
  await queueMenuDigest(tx, contract, actor, await datesToNotify(tx, contract, changedDates, now), now);
  return changedDates;
}

async function menusOf(db: DbOrTx, contractId: string, from: string, to: string): Promise<MenuOutput[]> {
  const rows = await db
    .select()
    .from(menus)
    .where(and(eq(menus.contractId, contractId), gte(menus.serviceDate, from), lte(menus.serviceDate, to)))
    .orderBy(asc(menus.serviceDate));
  return rows.map(toOutput);
}

/** The caterer (ADMIN/MANAGER) publishes, changes or (with no dishes) removes one date's menu. */
export async function setMenu(db: DbOrTx, actor: SessionUser, input: SetMenuInput & { now: Date }): Promise<MenuOutput | null> {
  const { contractId, date, dishes, now } = input;
  await db.transaction(async (tx) => {
    const contract = await lockCaterersContract(tx, actor, contractId);
    assertWithinPeriod(contract, date, 'date');
    await writeMenus(tx, actor, contract, [{ date, dishes }], now);
  });
  const [menu] = await menusOf(db, contractId, date, date);
  return menu ?? null;
}

/** Both parties read a contract's menus between two dates; anyone else gets NOT_FOUND. */
export async function listMenus(db: DbOrTx, viewer: SessionUser, input: { contractId: string; from: string; to: string }) {
  const [visible] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.id, input.contractId), partyOf(viewer.companyId)));
  if (!visible) throw new DomainError('NOT_FOUND', 'Contract not found.');
  return menusOf(db, input.contractId, input.from, input.to);
}

/**
 * Fills a week (Monday–Sunday) from another week, weekday by weekday, **into empty days only**:
 * a day of the target week that already has a menu keeps it (named in `keptDates`), a source
 * day without a menu leaves its target day alone, and days outside the contract's period are
 * skipped (named). So copying never overwrites a dish the caterer has edited, and copying the
 * same week twice changes nothing the second time. To replace a day, edit it (or clear it and
 * copy again). The contract's row lock orders this after any concurrent menu.set.
 */
export async function copyMenuWeek(
  db: DbOrTx,
  actor: SessionUser,
  input: { contractId: string; fromWeekStart: string; toWeekStart: string; now: Date },
) {
  const { contractId, fromWeekStart, toWeekStart, now } = input;
  const result = await db.transaction(async (tx) => {
    const contract = await lockCaterersContract(tx, actor, contractId);
    const source = new Map((await menusOf(tx, contractId, fromWeekStart, addDays(fromWeekStart, 6))).map((m) => [m.date, m.dishes]));
    if (source.size === 0) {
      throw new DomainError('PRECONDITION_FAILED', `There is no menu in the week of ${fromWeekStart} to copy.`, 'fromWeekStart');
    }
    const existing = new Set((await menusOf(tx, contractId, toWeekStart, addDays(toWeekStart, 6))).map((m) => m.date));
    const entries: { date: string; dishes: MenuDish[] }[] = [];
    const skippedDates: string[] = [];
    const keptDates: string[] = [];
    for (let i = 0; i < 7; i++) {
      const dishes = source.get(addDays(fromWeekStart, i));
      const to = addDays(toWeekStart, i);
      if (!dishes) continue;
      if (to < contract.startDate || to > contract.endDate) skippedDates.push(to);
      else if (existing.has(to)) keptDates.push(to);
      else entries.push({ date: to, dishes });
    }
    await writeMenus(tx, actor, contract, entries, now);
    return { copied: entries.length, keptDates, skippedDates };
  });
  return { ...result, menus: await menusOf(db, contractId, toWeekStart, addDays(toWeekStart, 6)) };
}
