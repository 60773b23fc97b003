import { sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Database } from '@/db/types';
import { queryRows } from '@/db/rows';
import type { SessionUser } from '@/server/domain/actor';
import { createCaller } from '@/server/api/root';
import type { RegisterInput } from '@/lib/schemas/auth';

export type Clock = { now: Date };

/** A tRPC caller as a signed-out visitor or as a given session user, from one client address. */
export function callerFor(db: Database, session: SessionUser | null, clock?: Clock, ip = '127.0.0.1') {
  return createCaller({ db, session, request: { ip, userAgent: 'vitest' }, now: () => clock?.now ?? new Date() });
}

export async function sessionForEmail(db: Database, email: string): Promise<SessionUser> {
  const user = await db.query.users.findFirst({
    where: sql`lower(${users.email}) = ${email.toLowerCase()}`,
    with: { company: true },
  });
  if (!user) throw new Error(`no user ${email}`);
  return { userId: user.id, companyId: user.companyId, companyType: user.company.companyType, role: user.role, email: user.email };
}

let counter = 0;
/** Registers a company through the public API and returns a signed-in caller for its ADMIN. */
export async function registerCompany(
  db: Database,
  overrides: Partial<RegisterInput> & Pick<RegisterInput, 'companyType'>,
  clock?: Clock,
) {
  counter += 1;
  const input = {
    companyName: `Company ${counter}`,
    email: `admin${counter}-${Date.now()}@example.test`,
    password: 'correct horse battery',
    ...(overrides.companyType === 'CATERING' ? { dailyCapacity: 500 } : {}),
    ...overrides,
  } as RegisterInput;
  // Each from its own address: the per-IP sign-up limit is not what these tests are about.
  await callerFor(db, null, undefined, `10.0.${Math.floor(counter / 250)}.${counter % 250}`).auth.register(input);
  const session = await sessionForEmail(db, input.email);
  return { session, caller: callerFor(db, session, clock), email: input.email };
}

/** Adds a user of the given role to a company and returns its caller. */
export async function addUser(db: Database, companyId: string, role: SessionUser['role'], clock?: Clock) {
  counter += 1;
  const email = `${role.toLowerCase()}${counter}-${Date.now()}@example.test`;
  await db.insert(users).values({ companyId, email, passwordHash: 'x', role });
  const session = await sessionForEmail(db, email);
  return { session, caller: callerFor(db, session, clock) };
}

export async function countRows(db: Database, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(row!.n);
}

