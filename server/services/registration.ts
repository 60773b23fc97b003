
import type { DbOrTx } from '@/db/types';
import { DEFAULT_WORK_MODE } from '@/lib/enums';
import { cateringProfiles, clientProfiles, companies, users } from '@/db/schema';
import { hashPassword } from '@/server/auth/password-hash';
import { DomainError } from '@/server/domain/errors';
import type { RegisterInput } from '@/lib/schemas/auth';
import { emailInUse } from './email-in-use';

/** Creates the company, its profile and its first ADMIN user, all or nothing. */
export async function registerCompany(db: DbOrTx, input: RegisterInput) {
  // Hash before the transaction: bcrypt is slow and must not hold locks.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await emailInUse(tx, input.email)) {
      throw new DomainError('CONFLICT', 'An account with this email already exists. Sign in instead.', 'email');
    }
    const [company] = await tx
      .insert(companies)
      .values({
        email: input.email,
        name: input.companyName,
        companyType: input.companyType,
        timezone: input.timezone ?? 'UTC',
      })
      .returning({ id: companies.id });
    const companyId = company!.id;
    if (input.companyType === 'CATERING') {
      await tx.insert(cateringProfiles).values({ companyId, dailyCapacity: input.dailyCapacity! });
    } else {
      await tx.insert(clientProfiles).values({ companyId, workMode: input.workMode ?? DEFAULT_WORK_MODE });
    }
    const [user] = await tx
      .insert(users)
      .values({ companyId, email: input.email, passwordHash, role: 'ADMIN' })
      .returning({ id: users.id });
    return { companyId, userId: user!.id };
  });
}

