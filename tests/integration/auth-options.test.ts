import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encode, type JWT } from 'next-auth/jwt';
import { eq } from 'drizzle-orm';
import { refreshTokens } from '@/db/schema';
import type { Database } from '@/db/types';
import { registerCompany } from '../support/callers';
import { createTestDb, type TestDb } from '../support/test-db';

// The next-auth options read the process database; point it at this file's test database.
const holder: { db?: Database } = {};
vi.mock('@/server/database', () => ({ getDb: async () => holder.db! }));
const { authOptions, SessionEndedError } = await import('@/server/auth/options');
const { sessionIdFromCookie } = await import('@/server/auth/session-cookie');
const { env } = await import('@/server/env');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  holder.db = t.db;
});
afterAll(() => t.close());

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const jwt = authOptions.callbacks!.jwt! as unknown as (params: { token: JWT; user?: unknown }) => Promise<JWT>;
const headers = { 'user-agent': 'Browser/9', 'x-forwarded-for': '203.0.113.5, 10.0.0.1' };

async function signIn(email: string) {
  const user = await authorize({ email, password: 'correct horse battery' }, { headers });
  return jwt({ token: {}, user });
}

describe('next-auth wiring', () => {
  it('sign-in creates a session row with the user agent; the browser session never sees the token', async () => {
    const { email, session } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const token = await signIn(email);
    expect(token.user).toMatchObject({ userId: session.userId, role: 'ADMIN', sessionId: token.session!.id });
    const [row] = await t.db.select().from(refreshTokens).where(eq(refreshTokens.id, token.session!.id));
    expect(row!.userAgent).toBe('Browser/9');
    const exposed = await (authOptions.callbacks!.session as unknown as (p: object) => Promise<object>)({
      session: { expires: '' },
      token,
    });
    expect(JSON.stringify(exposed)).not.toContain(token.session!.token);
    // Server Components and route handlers read the same cookie, as next-auth encrypts it.
    const cookie = await encode({ token, secret: env.AUTH_SECRET });
    expect(await sessionIdFromCookie(cookie, env.AUTH_SECRET)).toBe(token.session!.id);
  });

  it('a wrong password returns null; too many failures throw TooManyAttempts (what the login form shows)', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    for (let i = 0; i < 5; i++) expect(await authorize({ email, password: 'wrong-wrong' }, { headers })).toBeNull();
    await expect(authorize({ email, password: 'correct horse battery' }, { headers })).rejects.toThrow('TooManyAttempts');
  });

  it('a database failure during sign-in gives next-auth (and so its error URL) a generic message with a reference', async () => {
    const real = holder.db!;
    holder.db = new Proxy(real, {
      get(target, key, receiver) {
        if (key !== 'execute') return Reflect.get(target, key, receiver);
        return async () => {
          throw new Error('Failed query: insert into rate_limits … params: sign-in:account:deadbeef');
        };
      },
    });
    try {
      const failure = await authorize({ email: 'someone@example.test', password: 'whatever-it-is' }, { headers }).catch((e: Error) => e);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(/^Something went wrong on our side\. .* reference [0-9a-f]{12}\.$/);
      expect((failure as Error).message).not.toMatch(/Failed query|rate_limits|params/);
    } finally {
      holder.db = real;
    }
  });

  it('an email with a NUL is simply not an account (no database error)', async () => {
    expect(await authorize({ email: 'a\u0000@example.test', password: 'whatever-it-is' }, { headers })).toBeNull();
  });

  it('the session poll keeps the token while fresh, rotates it once stale, and ends a revoked session', async () => {
    const { email } = await registerCompany(t.db, { companyType: 'CATERING' });
    const first = await signIn(email);
    const fresh = await jwt({ token: structuredClone(first) });
    expect(fresh.session!.id).toBe(first.session!.id);

    const rotated = await jwt({ token: { ...first, session: { ...first.session!, refreshAt: Date.now() - 1 } } });
    expect(rotated.session!.id).not.toBe(first.session!.id);
    expect(rotated.session!.token).not.toBe(first.session!.token);
    expect(rotated.session!.refreshAt).toBeGreaterThan(Date.now());
    expect(rotated.user!.sessionId).toBe(rotated.session!.id);

    await authOptions.events!.signOut!({ token: rotated, session: undefined as never });
    await expect(jwt({ token: rotated })).rejects.toBeInstanceOf(SessionEndedError);
    await expect(jwt({ token: {} })).rejects.toBeInstanceOf(SessionEndedError);
  });
});
