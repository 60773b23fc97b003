import { eq, sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { rateLimits } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { isOverLimit, secondsUntilWindowEnds, type RateLimitRule } from './rate-limit-window';
import { DomainError } from '@/server/domain/errors';
import { hashToken } from './tokens';

export type { RateLimitRule } from './rate-limit-window';

const FIFTEEN_MINUTES = 15 * 60;

/**
 * Brute-force limits. Per account they stop password guessing on one user; per IP (higher, an
 * office shares one address) they slow spraying across many accounts.
 */
export const RATE_LIMITS = {
  signInAccount: { prefix: 'sign-in:account', limit: 5, windowSeconds: FIFTEEN_MINUTES },
  signInIp: { prefix: 'sign-in:ip', limit: 30, windowSeconds: FIFTEEN_MINUTES },
  resetAccount: { prefix: 'reset:account', limit: 5, windowSeconds: FIFTEEN_MINUTES },
  resetIp: { prefix: 'reset:ip', limit: 20, windowSeconds: FIFTEEN_MINUTES },
  // Public mutations that set a password: counted before any bcrypt work, per target and per IP.
  resetUseToken: { prefix: 'reset-use:token', limit: 5, windowSeconds: FIFTEEN_MINUTES },
  resetUseIp: { prefix: 'reset-use:ip', limit: 20, windowSeconds: FIFTEEN_MINUTES },
  invitationUseToken: { prefix: 'invitation-use:token', limit: 5, windowSeconds: FIFTEEN_MINUTES },
  invitationUseIp: { prefix: 'invitation-use:ip', limit: 20, windowSeconds: FIFTEEN_MINUTES },
  registerEmail: { prefix: 'register:email', limit: 5, windowSeconds: FIFTEEN_MINUTES },
  registerIp: { prefix: 'register:ip', limit: 10, windowSeconds: FIFTEEN_MINUTES },
} satisfies Record<string, RateLimitRule>;

/** Keys hold a hash of the subject: bounded length, and no emails or addresses stored in clear. */
export function rateLimitKey(rule: RateLimitRule, subject: string): string {
  return `${rule.prefix}:${hashToken(subject.trim().toLowerCase())}`;
}

export type RateLimitResult = { limited: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one event and says whether it is over the limit. A single atomic upsert, so the
 * limit holds across app instances sharing one PostgreSQL (no read-then-write race).
 */
export async function consumeRateLimit(
  db: DbOrTx,
  { rule, subject, now }: { rule: RateLimitRule; subject: string; now: Date },
): Promise<RateLimitResult> {
  const key = rateLimitKey(rule, subject);
  const nowIso = now.toISOString();
  const windowStartCutoff = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
  const [row] = await queryRows<{ count: number; window_started_at: string | Date }>(
    db,
    sql`insert into rate_limits (key, count, window_started_at, created_at, updated_at)
        values (${key}, 1, ${nowIso}::timestamptz, ${nowIso}::timestamptz, ${nowIso}::timestamptz)
        on conflict (key) do update set
          count = case when rate_limits.window_started_at <= ${windowStartCutoff}::timestamptz
                       then 1 else rate_limits.count + 1 end,
          window_started_at = case when rate_limits.window_started_at <= ${windowStartCutoff}::timestamptz
                       then excluded.window_started_at else rate_limits.window_started_at end,
          updated_at = excluded.updated_at
        returning count, window_started_at`,
  );
  const count = Number(row!.count);
  const startedAt = new Date(row!.window_started_at);
  return {
    limited: isOverLimit(count, rule),
    count,
    retryAfterSeconds: secondsUntilWindowEnds(startedAt, now, rule.windowSeconds),
  };
}

/**
 * Counts one event under each rule (a subject that is unknown, e.g. no client address, is
 * skipped) and refuses with TOO_MANY_REQUESTS and `message` when any of them is over its limit.
 */
export async function enforceRateLimits(
  db: DbOrTx,
  checks: { rule: RateLimitRule; subject: string | null | undefined }[],
  { now, message }: { now: Date; message: string },
): Promise<void> {
  let limited = false;
  for (const { rule, subject } of checks) {
    if (!subject) continue;
    if ((await consumeRateLimit(db, { rule, subject, now })).limited) limited = true;
  }
  if (limited) throw new DomainError('TOO_MANY_REQUESTS', message);
}

/** Forgets the counter (a successful sign-in clears the account's failures). */
export async function clearRateLimit(db: DbOrTx, { rule, subject }: { rule: RateLimitRule; subject: string }) {
  await db.delete(rateLimits).where(eq(rateLimits.key, rateLimitKey(rule, subject)));
}

/** Gives one counted event back (a successful sign-in should not use up a shared IP's budget). */
export async function refundRateLimit(db: DbOrTx, { rule, subject }: { rule: RateLimitRule; subject: string }) {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, rateLimitKey(rule, subject)));
}

/** Removes counters whose window ended long ago; safe to run from any scheduled job. */
/** Deletes counters whose window ended long ago; returns how many. */
export async function pruneRateLimits(db: DbOrTx, now: Date, olderThanSeconds = 24 * 60 * 60): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(sql`${rateLimits.windowStartedAt} < ${new Date(now.getTime() - olderThanSeconds * 1000).toISOString()}::timestamptz`)
    .returning({ key: rateLimits.key });
  return deleted.length;
}
