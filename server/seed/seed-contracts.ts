import { DEFAULT_CUTOFF_TIME, DEFAULT_NOTICE_BUSINESS_DAYS } from '@/lib/schemas/contract-terms';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, users } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import { addDays, localToday } from '@/lib/dates';
import { createContract } from '@/server/services/contracts/create';
import { acceptContract } from '@/server/services/contracts/proposals';
import type { DietCounts } from '@/lib/diets';
import type { Diet } from '@/lib/enums';

type DemoContract = {
  caterer: string;
  client: string;
  terms: {
    minDailyQuantity: number;
    defaultQuantity: number;
    maxQuantity: number;
    noticeHours: number;
    serviceDays: number[];
    pricePerMealCents: number;
    deliveryTime: string;
    dietOptions?: Diet[];
    defaultDiets?: DietCounts;
  };
};

/**
 * Tasty Kitchen (capacity 400) serves Acme and Globex; Green Fork (capacity 150) serves
 * Initech. Even at every contract's maximum the caterers stay within capacity
 * (Tasty: 160 + 140 = 300 ≤ 400; Green Fork: 60 ≤ 150), so demo confirmations never fail on it.
 */
const DEMO_CONTRACTS: DemoContract[] = [
  {
    caterer: 'tasty',
    client: 'acme',
    terms: {
      minDailyQuantity: 80,
      defaultQuantity: 120,
      maxQuantity: 160,
      noticeHours: 24,
      serviceDays: [1, 2, 3, 4, 5],
      pricePerMealCents: 1850,
      deliveryTime: '12:00',
      // 120 = 100 standard + 14 vegetarian + 6 gluten-free.
      dietOptions: ['VEGETARIAN', 'VEGAN', 'GLUTEN_FREE'],
      defaultDiets: { VEGETARIAN: 14, GLUTEN_FREE: 6 },
    },
  },
  {
    caterer: 'tasty',
    client: 'globex',
    terms: {
      minDailyQuantity: 60,
      defaultQuantity: 90,
      maxQuantity: 140,
      noticeHours: 48,
      serviceDays: [1, 2, 3, 4],
      pricePerMealCents: 1650,
      deliveryTime: '12:30',
    },
  },
  {
    caterer: 'greenfork',
    client: 'initech',
    terms: {
      minDailyQuantity: 20,
      defaultQuantity: 40,
      maxQuantity: 60,
      noticeHours: 24,
      serviceDays: [1, 2, 3, 4],
      pricePerMealCents: 1500,
      deliveryTime: '11:45',
    },
  },
];

/**
 * Green Fork's proposal to Acme, left waiting: the demo client's ADMIN finds it on the
 * dashboard under "Proposals waiting" to accept or decline.
 */
const DEMO_PROPOSAL: DemoContract = {
  caterer: 'greenfork',
  client: 'acme',
  terms: {
    minDailyQuantity: 10,
    defaultQuantity: 25,
    maxQuantity: 40,
    noticeHours: 24,
    serviceDays: [5],
    pricePerMealCents: 1400,
    deliveryTime: '12:00',
    dietOptions: ['VEGAN'],
    defaultDiets: { VEGAN: 5 },
  },
};

/** The company's first ADMIN: the caterer's offers the contract, the client's accepts it. */
async function companyAdmin(db: DbOrTx, companyId: string): Promise<SessionUser> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, companyType: companies.companyType })
    .from(users)
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(and(eq(users.companyId, companyId), eq(users.role, 'ADMIN')))
    .limit(1);
  if (!row) throw new Error(`demo company ${companyId} has no ADMIN`);
  return { userId: row.userId, companyId, companyType: row.companyType, role: 'ADMIN', email: row.email };
}

async function proposeDemoContract(db: DbOrTx, companyIds: Record<string, string>, demo: DemoContract, now: Date, startInDays = -7) {
  const [client] = await db
    .select({ email: companies.email, timezone: companies.timezone })
    .from(companies)
    .where(eq(companies.id, companyIds[demo.client]!));
  const today = localToday(now, client!.timezone);
  const actor = await companyAdmin(db, companyIds[demo.caterer]!);
  return createContract(db, actor, {
    clientEmail: client!.email,
    noticeMode: 'HOURS',
    noticeBusinessDays: DEFAULT_NOTICE_BUSINESS_DAYS,
    cutoffTime: DEFAULT_CUTOFF_TIME,
    dietOptions: [],
    defaultDiets: {},
    lateReductionChargePercent: 50,
    ...demo.terms,
    startDate: addDays(today, startInDays),
    endDate: addDays(today, 365),
    now,
  });
}

/**
 * ACTIVE demo contracts through the real services: the caterer proposes, the client's ADMIN
 * accepts (capacity checks, outbox events, and the next four weeks of service days generated).
 * They started a week ago and run for a year. Plus one proposal still waiting for Acme (from next week).
 * Returns the ACTIVE contracts' ids.
 */
export async function seedDemoContracts(db: DbOrTx, companyIds: Record<string, string>, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const demo of DEMO_CONTRACTS) {
    const proposal = await proposeDemoContract(db, companyIds, demo, now);
    const clientAdmin = await companyAdmin(db, companyIds[demo.client]!);
    const contract = await acceptContract(db, clientAdmin, { id: proposal.id, now });
    ids.push(contract.id);
  }
  // The proposal would start next week.
  await proposeDemoContract(db, companyIds, DEMO_PROPOSAL, now, 7);
  return ids;
}
