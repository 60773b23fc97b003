import { DEFAULT_CUTOFF_TIME, DEFAULT_NOTICE_BUSINESS_DAYS } from '@/lib/schemas/contract-terms';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { companies, users } from '@/db/schema';
import type { SessionUser } from '@/server/domain/actor';
import { addDays, localToday } from '@/lib/dates';
import { createContract } from '@/server/services/contracts/create';
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

/** The caterer's first ADMIN, acting as the one who offers the contract. */
async function catererAdmin(db: DbOrTx, companyId: string): Promise<SessionUser> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, companyType: companies.companyType })
    .from(users)
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(and(eq(users.companyId, companyId), eq(users.role, 'ADMIN')))
    .limit(1);
  if (!row) throw new Error(`demo caterer ${companyId} has no ADMIN`);
  return { userId: row.userId, companyId, companyType: row.companyType, role: 'ADMIN', email: row.email };
}

/**
 * ACTIVE demo contracts through the real service (capacity checks, outbox events, and the
 * next four weeks of service days generated). They started a week ago and run for a year.
 */
export async function seedDemoContracts(db: DbOrTx, companyIds: Record<string, string>, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const demo of DEMO_CONTRACTS) {
    const [client] = await db
      .select({ email: companies.email, timezone: companies.timezone })
      .from(companies)
      .where(eq(companies.id, companyIds[demo.client]!));
    const today = localToday(now, client!.timezone);
    const actor = await catererAdmin(db, companyIds[demo.caterer]!);
    const contract = await createContract(db, actor, {
      clientEmail: client!.email,
      noticeMode: 'HOURS',
      noticeBusinessDays: DEFAULT_NOTICE_BUSINESS_DAYS,
      cutoffTime: DEFAULT_CUTOFF_TIME,
      dietOptions: [],
      defaultDiets: {},
      ...demo.terms,
      startDate: addDays(today, -7),
      endDate: addDays(today, 365),
      now,
    });
    ids.push(contract.id);
  }
  return ids;
}
