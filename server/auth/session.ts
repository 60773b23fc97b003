import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/server/database';
import type { SessionUser } from '@/server/domain/actor';
import { env } from '@/server/env';
import { SESSION_COOKIE_NAME } from './options';
import { cookiesFromHeader, sessionCookieValue, sessionIdFromCookie, type RequestCookie } from './session-cookie';
import { validateSession } from './sessions';

/**
 * The signed-in user of the current request, or null. The JWT only names the session; its
 * row is checked on every request (see validateSession), so a revoked session, a deactivated
 * user or a changed role takes effect at once. Cached per Server Component render. Reads the
 * cookie directly rather than through getServerSession, which would also build next-auth's
 * request state and re-encrypt a token it cannot send back from here (it never rotates).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => sessionUserOf((await cookies()).getAll()));

/**
 * The signed-in user of a route handler's request, read from its Cookie header: next/headers'
 * cookies() builds a mutable cookie store in a route handler, a third of the session's CPU cost
 * per tRPC request.
 */
export function sessionUserFromRequest(request: Request): Promise<SessionUser | null> {
  return sessionUserOf(cookiesFromHeader(request.headers.get('cookie')));
}

async function sessionUserOf(jar: RequestCookie[]): Promise<SessionUser | null> {
  const cookie = sessionCookieValue(jar, SESSION_COOKIE_NAME);
  const sessionId = cookie ? await sessionIdFromCookie(cookie, env.AUTH_SECRET) : null;
  if (!sessionId) return null;
  return validateSession(await getDb(), { id: sessionId, now: new Date() });
}

/**
 * Where to send a visitor without a valid session: a browser that still holds a session cookie
 * had its session ended (revoked, expired, replaced), and is told so on the login page.
 */
export async function loginPath(): Promise<string> {
  const jar = await cookies();
  const hadSession = jar.getAll().some((c) => c.name.startsWith(SESSION_COOKIE_NAME));
  return hadSession ? '/login?reason=session-ended' : '/login';
}
