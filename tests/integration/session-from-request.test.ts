import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/types';
import { SESSION_COOKIE_NAME } from '@/server/auth/options';
import { sessionUserFromRequest } from '@/server/auth/session';
import { createSession, revokeSessionByTokenId } from '@/server/auth/sessions';
import { env } from '@/server/env';
import { registerCompany } from '../support/callers';
import { createTestDb, type TestDb } from '../support/test-db';

// Route handlers read the session from the request's Cookie header, as next-auth wrote it.
const holder = vi.hoisted(() => ({ db: undefined as unknown as Database }));
vi.mock('@/server/database', () => ({ getDb: async () => holder.db }));

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  holder.db = t.db;
});
afterAll(() => t.close());

async function signedInCookie() {
  const { session } = await registerCompany(t.db, { companyType: 'CLIENT' });
  const row = await createSession(t.db, { userId: session.userId, now: new Date() });
  const jwt = await encode({ token: { user: session, session: { id: row.id, token: row.token, refreshAt: 0 } }, secret: env.AUTH_SECRET });
  return { session, row, jwt };
}
const requestWith = (cookie: string | null) => new Request('http://localhost/api/trpc/company.me', { headers: cookie ? { cookie } : {} });

describe('sessionUserFromRequest', () => {
  it('names the signed-in user of a Cookie header, whole or split into chunks among other cookies', async () => {
    const { session, jwt } = await signedInCookie();
    expect(await sessionUserFromRequest(requestWith(`theme=dark; ${SESSION_COOKIE_NAME}=${jwt}`))).toMatchObject({ userId: session.userId, companyId: session.companyId });
    const half = Math.floor(jwt.length / 2);
    const chunked = `${SESSION_COOKIE_NAME}.1=${jwt.slice(half)}; other=1; ${SESSION_COOKIE_NAME}.0=${jwt.slice(0, half)}`;
    expect(await sessionUserFromRequest(requestWith(chunked))).toMatchObject({ userId: session.userId });
  });

  it('is nobody without the cookie, with a tampered one, or once the session is revoked', async () => {
    const { row, jwt } = await signedInCookie();
    expect(await sessionUserFromRequest(requestWith(null))).toBeNull();
    expect(await sessionUserFromRequest(requestWith(`${SESSION_COOKIE_NAME}=${jwt.slice(0, -4)}AAAA`))).toBeNull();
    await revokeSessionByTokenId(t.db, { id: row.id, now: new Date() });
    expect(await sessionUserFromRequest(requestWith(`${SESSION_COOKIE_NAME}=${jwt}`))).toBeNull();
  });
});
