import { eq } from 'drizzle-orm';
import type { DbOrTx, Transaction } from '@/db/types';
import { currencyForTimeZone } from '@/lib/currency-for-zone';
import { DEFAULT_WORK_MODE } from '@/lib/enums';
import { cateringProfiles, clientProfiles, companies, users } from '@/db/schema';
import { hashPassword } from '@/server/auth/password-hash';
import { enforceRateLimits, RATE_LIMITS } from '@/server/auth/rate-limit';
import { DomainError } from '@/server/domain/errors';
import type { RegisterInput } from '@/lib/schemas/auth';
import { claimClientInvitation, usableClientInvitation } from './client-invitations';
import { emailOwnerCompanyId } from './email-in-use';

const EMAIL_TAKEN = 'An account with this email already exists. Sign in instead.';
const EMAIL_INVITED =
  'A caterer invited this email to ChefOps with a contract proposal: register from the link in that email (it lasts 7 days), or ask the caterer to send the proposal again.';
const TOO_MANY = 'Too many sign-ups from here. Please wait a few minutes and try again.';

/**
 * Refuses an email that belongs to another account. `invitedCompanyId`: the INVITED client
 * company being registered, whose own address the email may be.
 */
async function assertEmailFree(db: DbOrTx, email: string, invitedCompanyId: string | null): Promise<void> {
  const owner = await emailOwnerCompanyId(db, email);
  if (!owner || owner === invitedCompanyId) return;
  const [company] = await db.select({ status: companies.status }).from(companies).where(eq(companies.id, owner));
  throw new DomainError('CONFLICT', company?.status === 'INVITED' ? EMAIL_INVITED : EMAIL_TAKEN, 'email');
}

async function addProfile(tx: Transaction, companyId: string, input: RegisterInput) {
  if (input.companyType === 'CATERING') {
    await tx.insert(cateringProfiles).values({ companyId, dailyCapacity: input.dailyCapacity! });
  } else {
    await tx.insert(clientProfiles).values({ companyId, workMode: input.workMode ?? DEFAULT_WORK_MODE });
  }
}

/**
 * Creates the company, its profile and its first ADMIN user, all or nothing. Limited per email
 * and per IP (so the "already exists" answer cannot be used to test addresses in bulk), and
 * the address is checked before the password is hashed, so a refused sign-up costs no bcrypt.
 *
 * With a client invitation token, the invited client company (which a caterer's proposal
 * already belongs to) is registered instead: its name, zone and work mode as the form sends them,
 * the invitation used up (single use, 7 days). The answer names the proposal to open first.
 */
async function invitedZone(tx: Transaction, companyId: string): Promise<string> {
  const [company] = await tx.select({ timezone: companies.timezone }).from(companies).where(eq(companies.id, companyId));
  return company!.timezone;
}

export async function registerCompany(db: DbOrTx, input: RegisterInput, { ip, now }: { ip?: string | null; now: Date }) {
  await enforceRateLimits(
    db,
    [
      { rule: RATE_LIMITS.registerEmail, subject: input.email },
      { rule: RATE_LIMITS.registerIp, subject: ip },
    ],
    { now, message: TOO_MANY },
  );
  const token = input.clientInvitationToken;
  const invitedCompanyId = token ? (await usableClientInvitation(db, token, now)).companyId : null;
  await assertEmailFree(db, input.email, invitedCompanyId);
  // Hash before the transaction: bcrypt is slow and must not hold locks.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const invitation = token ? await claimClientInvitation(tx, token, now) : null;
    // Checked again: a parallel sign-up may have taken the address meanwhile.
    await assertEmailFree(tx, input.email, invitation?.companyId ?? null);
    let companyId: string;
    if (invitation) {
      // Without a zone in the form, the company keeps the one its invitation was worded in.
      const timezone = input.timezone ?? (await invitedZone(tx, invitation.companyId));
      const [company] = await tx
        .update(companies)
        .set({ name: input.companyName, timezone, currency: input.currency ?? currencyForTimeZone(timezone), status: 'ACTIVE' })
        .where(eq(companies.id, invitation.companyId))
        .returning({ id: companies.id, status: companies.status });
      companyId = company!.id;
    } else {
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
      companyId = company!.id;
    }
    await addProfile(tx, companyId, input);
    const [user] = await tx
      .insert(users)
      .values({ companyId, email: input.email, passwordHash, role: 'ADMIN' })
      .returning({ id: users.id });
    return { companyId, userId: user!.id, proposalId: invitation?.contractId ?? null };
  });
}
