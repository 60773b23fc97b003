import { sql } from 'drizzle-orm';
import { DEFAULT_WORK_MODE } from '@/lib/enums';
import type { Database } from '@/db/types';
import { cateringProfiles, clientOfficeDays, clientProfiles, companies, users } from '@/db/schema';
import { hashPassword } from '@/server/auth/password-hash';
import { DEMO_COMPANIES, DEMO_PASSWORD } from './demo-accounts';
import { seedDemoContracts } from './seed-contracts';
import { seedDemoHistory } from './seed-history';
import { DEFAULT_CURRENCY } from '@/lib/limits';

export type SeedResult = { seeded: boolean; companyIds: Record<string, string> };

/** True when the database holds no company yet (a first start). */
export async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(companies);
  return Number(rows[0]?.n ?? 0) === 0;
}

/** Demo companies and users of every role. Runs only on an empty database. */
export async function seedDemoData(db: Database, now: Date = new Date()): Promise<SeedResult> {
  if (!(await isEmpty(db))) return { seeded: false, companyIds: {} };
  // One hash for every demo user: they share the demo password, and bcrypt is slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const companyIds: Record<string, string> = {};
  await db.transaction(async (tx) => {
    for (const demo of DEMO_COMPANIES) {
      const [company] = await tx
        .insert(companies)
        .values({
          email: demo.email,
          name: demo.name,
          companyType: demo.companyType,
          timezone: demo.timezone,
          currency: demo.currency ?? DEFAULT_CURRENCY,
        })
        .returning({ id: companies.id });
      const companyId = company!.id;
      companyIds[demo.key] = companyId;
      if (demo.companyType === 'CATERING') {
        await tx.insert(cateringProfiles).values({ companyId, dailyCapacity: demo.dailyCapacity! });
      } else {
        await tx.insert(clientProfiles).values({ companyId, workMode: demo.workMode ?? DEFAULT_WORK_MODE });
        await tx.insert(clientOfficeDays).values(
          [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({
            companyId,
            dayOfWeek,
            isWorkDay: !(demo.closedDays ?? []).includes(dayOfWeek),
          })),
        );
      }
      await tx.insert(users).values(demo.users.map((u) => ({ companyId, email: u.email, role: u.role, passwordHash })));
    }
    const contractIds = await seedDemoContracts(tx, companyIds, now);
    await seedDemoHistory(tx, contractIds, now);
  });
  return { seeded: true, companyIds };
}

/** The console banner with the demo logins. */
export function demoLoginBanner(appUrl: string): string {
  const lines = DEMO_COMPANIES.flatMap((c) =>
    c.users.map((u) => `    ${u.email.padEnd(28)} ${u.role.padEnd(8)} ${c.name} (${c.companyType === 'CATERING' ? 'caterer' : 'client'})`),
  );
  return [
    '',
    `  ChefOps is running at ${appUrl}`,
    `  Demo logins (password: ${DEMO_PASSWORD}):`,
    ...lines,
    '',
  ].join('\n');
}
