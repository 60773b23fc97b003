import type { DbOrTx } from '@/db/types';
import { currencyForTimeZone } from '@/lib/currency-for-zone';
import { DEFAULT_WORK_MODE } from '@/lib/enums';
import { cateringProfiles, clientProfiles, companies, users } from '@/db/schema';
import { hashPassword } from '@/server/auth/password-hash';
import { enforceRateLimits, RATE_LIMITS } from '@/server/auth/rate-limit';
import { DomainError } from '@/server/domain/errors';
import type { RegisterInput } from '@/lib/schemas/auth';
import { emailInUse } from './email-in-use';

const EMAIL_TAKEN = 'An account with this email already exists. Sign in instead.';
const TOO_MANY = 'Too many sign-ups from here. Please wait a few minutes and try again.';

/**
 * Creates the company, its profile and its first ADMIN user, all or nothing. Limited per email
 * and per IP (so the "already exists" answer cannot be used to test addresses in bulk), and
 * the address is checked before the password is hashed, so a refused sign-up costs no bcrypt.
 */
export async function registerCompany(db: DbOrTx, input: RegisterInput, { ip, now }: { ip?: string | null; now: Date }) {
  await enforceRateLimits(
    db,
    [
      { rule: RATE_LIMITS.registerEmail, subject: input.email },
      { rule: RATE_LIMITS.registerIp, subject: ip },
    ],
    { now, message: TOO_MANY },
  );
  if (await emailInUse(db, input.email)) throw new DomainError('CONFLICT', EMAIL_TAKEN, 'email');
  // Hash before the transaction: bcrypt is slow and must not hold locks.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Checked again: a parallel sign-up may have taken the address meanwhile.
    if (await emailInUse(tx, input.email)) throw new DomainError('CONFLICT', EMAIL_TAKEN, 'email');
    const timezone = input.timezone ?? 'UTC';
    const [company] = await tx
      .insert(companies)
      .values({
        email: input.email,
        name: input.companyName,
        companyType: input.companyType,
        timezone,
        currency: input.currency ?? currencyForTimeZone(timezone),
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

