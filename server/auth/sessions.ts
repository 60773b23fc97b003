import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { companies, refreshTokens, users } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { preparedQuery } from '@/db/prepared';
import type { SessionUser } from '@/server/domain/actor';
import { hashToken, newToken } from './tokens';

/**
 * Server-side sessions behind next-auth's JWT. A "session" is one sign-in: a family of
 * refresh_tokens rows, each rotated into the next. Only the newest row of a family is live.
 */

/** Absolute lifetime of a sign-in; rotation never extends it (ASVS: absolute session timeout). */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;
/**
 * Two tabs (or a page load racing a session poll) may present the same token at once; within
 * this window a rotated token is still honoured instead of being taken for a replay.
 */
export const ROTATION_GRACE_SECONDS = 30;

export type IssuedSession = { id: string; token: string; familyId: string; expiresAt: Date };

/** Starts a new sign-in: a fresh family with its first token. Returns the only copy of the raw token. */
export async function createSession(
  db: DbOrTx,
  { userId, userAgent, now }: { userId: string; userAgent?: string | null; now: Date },
): Promise<IssuedSession> {
  const token = newToken();
  const familyId = randomUUID();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000);
  const [row] = await db
    .insert(refreshTokens)
    .values({
      userId,
      tokenHash: hashToken(token),
      familyId,
      expiresAt,
      createdAt: now,
      lastUsedAt: now,
      userAgent: userAgent?.slice(0, 500) ?? null,
    })
    .returning({ id: refreshTokens.id });
  return { id: row!.id, token, familyId, expiresAt };
}

export type SessionEndReason = 'unknown' | 'revoked' | 'expired' | 'replayed' | 'rotated' | 'user-inactive';

const withinGrace = (rotatedAt: Date, now: Date) => now.getTime() - rotatedAt.getTime() <= ROTATION_GRACE_SECONDS * 1000;

/** The session row with its user and company, for every check below: one primary-key lookup. */
function sessionRowQuery(db: DbOrTx) {
  return db
    .select({
      id: refreshTokens.id,
      tokenHash: refreshTokens.tokenHash,
      familyId: refreshTokens.familyId,
      expiresAt: refreshTokens.expiresAt,
      rotatedAt: refreshTokens.rotatedAt,
      revokedAt: refreshTokens.revokedAt,
      userAgent: refreshTokens.userAgent,
      userId: users.id,
      email: users.email,
      role: users.role,
      userActive: users.isActive,
      userDeletedAt: users.deletedAt,
      companyId: companies.id,
      companyType: companies.companyType,
      companyStatus: companies.status,
      companyDeletedAt: companies.deletedAt,
    })
    .from(refreshTokens)
    .innerJoin(users, eq(users.id, refreshTokens.userId))
    .innerJoin(companies, eq(companies.id, users.companyId));
}
type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionRowQuery>['limit']>>[number];

function accountUsable(row: SessionRow) {
  return row.userActive && !row.userDeletedAt && row.companyStatus === 'ACTIVE' && !row.companyDeletedAt;
}

/** Why a row cannot be used at `now`, ignoring rotation (the callers treat that differently). */
function rowProblem(row: SessionRow | undefined, now: Date): SessionEndReason | null {
  if (!row) return 'unknown';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (!accountUsable(row)) return 'user-inactive';
  return null;
}

function toSessionUser(row: SessionRow, sessionId: string): SessionUser {
  return {
    userId: row.userId,
    companyId: row.companyId,
    companyType: row.companyType,
    // Read live, so a role change or deactivation takes effect on the very next request.
    role: row.role,
    email: row.email,
    sessionId,
  };
}

/**
 * Per-request check of the session behind a JWT, by primary key, read-only. This (not the short
 * JWT lifetime alone) is what makes a revocation, deactivation or role change take effect on
 * the next request, as ASVS asks; it costs one indexed join per request. A rotated row is
 * honoured only during the grace window (requests already in flight with the previous cookie).
 */
export async function validateSession(db: DbOrTx, { id, now }: { id: string; now: Date }): Promise<SessionUser | null> {
  const byId = preparedQuery(db, 'session_by_id', (handle) =>
    sessionRowQuery(handle).where(eq(refreshTokens.id, sql.placeholder('id'))).limit(1).prepare('session_by_id'),
  );
  const [row] = await byId.execute({ id });
  if (rowProblem(row, now)) return null;
  if (row!.rotatedAt && !withinGrace(row!.rotatedAt, now)) return null;
  return toSessionUser(row!, row!.id);
}

export type RotationResult =
  | { ok: true; session: IssuedSession; user: SessionUser }
  | { ok: false; reason: SessionEndReason };

/**
 * Exchanges a token for its successor in the same family. A token already rotated longer ago
 * than the grace window is a replay (someone else holds a copy): the whole family is revoked.
 * Within the grace window a second successor is issued, so two tabs refreshing at once both
 * stay signed in; sign-out and revocation act on the family, so that branch dies with it.
 */
export async function rotateSession(
  db: DbOrTx,
  { id, token, now }: { id: string; token: string; now: Date },
): Promise<RotationResult> {
  return db.transaction(async (tx) => {
    // Lock the row: concurrent rotations of one token are decided one after the other.
    const [locked] = await tx
      .select({ id: refreshTokens.id })
      .from(refreshTokens)
      .where(and(eq(refreshTokens.tokenHash, hashToken(token)), eq(refreshTokens.id, id)))
      .for('update');
    if (!locked) return { ok: false, reason: 'unknown' };
    const [row] = await sessionRowQuery(tx).where(eq(refreshTokens.id, locked.id)).limit(1);
    const problem = rowProblem(row, now);
    if (problem) return { ok: false, reason: problem };
    if (row!.rotatedAt && !withinGrace(row!.rotatedAt, now)) {
      await revokeFamily(tx, row!.familyId, now);
      return { ok: false, reason: 'replayed' };
    }
    const next = newToken();
    const [created] = await tx
      .insert(refreshTokens)
      .values({
        userId: row!.userId,
        tokenHash: hashToken(next),
        familyId: row!.familyId,
        expiresAt: row!.expiresAt,
        createdAt: now,
        lastUsedAt: now,
        userAgent: row!.userAgent,
      })
      .returning({ id: refreshTokens.id });
    if (!row!.rotatedAt) {
      await tx.update(refreshTokens).set({ rotatedAt: now, lastUsedAt: now }).where(eq(refreshTokens.id, row!.id));
    }
    return {
      ok: true,
      session: { id: created!.id, token: next, familyId: row!.familyId, expiresAt: row!.expiresAt },
      user: toSessionUser(row!, created!.id),
    };
  });
}

async function revokeFamily(db: DbOrTx, familyId: string, now: Date) {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** Sign-out: ends the sign-in that the given row belongs to. */
export async function revokeSessionByTokenId(db: DbOrTx, { id, now }: { id: string; now: Date }) {
  const [row] = await db.select({ familyId: refreshTokens.familyId }).from(refreshTokens).where(eq(refreshTokens.id, id));
  if (row) await revokeFamily(db, row.familyId, now);
}

/**
 * Ends one of the user's own sessions (by the id `listSessions` gives). Returns false when the
 * user has no such session, so another user's id is answered like a missing one.
 */
export async function revokeSession(
  db: DbOrTx,
  { userId, sessionId, now }: { userId: string; sessionId: string; now: Date },
): Promise<boolean> {
  const [owned] = await db
    .select({ id: refreshTokens.id })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.familyId, sessionId), eq(refreshTokens.userId, userId)))
    .limit(1);
  if (!owned) return false;
  await revokeFamily(db, sessionId, now);
  return true;
}

/** Ends every session of a user, optionally keeping the sign-in that `exceptTokenId` belongs to. */
export async function revokeAllForUser(
  db: DbOrTx,
  { userId, now, exceptTokenId }: { userId: string; now: Date; exceptTokenId?: string },
): Promise<number> {
  let keepFamily: string | undefined;
  if (exceptTokenId) {
    const [row] = await db
      .select({ familyId: refreshTokens.familyId })
      .from(refreshTokens)
      .where(and(eq(refreshTokens.id, exceptTokenId), eq(refreshTokens.userId, userId)));
    keepFamily = row?.familyId;
  }
  const revoked = await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(refreshTokens.userId, userId),
        isNull(refreshTokens.revokedAt),
        keepFamily ? ne(refreshTokens.familyId, keepFamily) : undefined,
      ),
    )
    .returning({ familyId: refreshTokens.familyId });
  return new Set(revoked.map((r) => r.familyId)).size;
}

export type SessionSummary = {
  id: string;
  signedInAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  current: boolean;
};

/** The user's live sign-ins, most recently used first. `currentTokenId` marks "this device". */
export async function listSessions(
  db: DbOrTx,
  { userId, currentTokenId, now }: { userId: string; currentTokenId?: string; now: Date },
): Promise<SessionSummary[]> {
  const nowIso = now.toISOString();
  const rows = await db
    .select({
      id: refreshTokens.familyId,
      signedInAt: sql<Date>`min(${refreshTokens.createdAt})`.mapWith(refreshTokens.createdAt),
      lastUsedAt: sql<Date>`max(coalesce(${refreshTokens.lastUsedAt}, ${refreshTokens.createdAt}))`.mapWith(
        refreshTokens.createdAt,
      ),
      expiresAt: sql<Date>`max(${refreshTokens.expiresAt})`.mapWith(refreshTokens.expiresAt),
      userAgent: sql<string | null>`(array_agg(${refreshTokens.userAgent} order by ${refreshTokens.createdAt} desc))[1]`,
      current: currentTokenId
        ? sql<boolean>`bool_or(${refreshTokens.id} = ${currentTokenId})`.mapWith(Boolean)
        : sql<boolean>`false`.mapWith(Boolean),
    })
    .from(refreshTokens)
    .where(
      and(
        eq(refreshTokens.userId, userId),
        isNull(refreshTokens.revokedAt),
        sql`${refreshTokens.expiresAt} > ${nowIso}::timestamptz`,
      ),
    )
    .groupBy(refreshTokens.familyId)
    // A family whose every row is rotated has no live token left.
    .having(sql`bool_or(${refreshTokens.rotatedAt} is null)`)
    .orderBy(desc(sql`max(coalesce(${refreshTokens.lastUsedAt}, ${refreshTokens.createdAt}))`));
  return rows;
}

/**
 * Deletes session rows that expired more than `graceSeconds` ago. A sign-in never outlives its
 * expiry, so such rows can no longer be used, rotated or replayed; keeping them a while helps
 * when looking into a replay. Returns how many.
 */
export async function pruneExpiredSessions(db: DbOrTx, now: Date, graceSeconds = 7 * 24 * 60 * 60): Promise<number> {
  const cutoff = new Date(now.getTime() - graceSeconds * 1000);
  const deleted = await db
    .delete(refreshTokens)
    .where(sql`${refreshTokens.expiresAt} < ${cutoff.toISOString()}::timestamptz`)
    .returning({ id: refreshTokens.id });
  return deleted.length;
}
