import type { CookiesOptions, NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/server/database';
import { env } from '@/server/env';
import { requestClientAddress, requestUserAgent } from '@/server/http/request-address';
import { reportServerError } from '@/server/http/server-error';
import { logger } from '@/server/logger';
import type { SessionUser } from '@/server/domain/actor';
import { signInInput } from '@/lib/schemas/auth';
import { attemptSignIn } from './credentials';
import { createSession, revokeSessionByTokenId, rotateSession, SESSION_LIFETIME_SECONDS, validateSession } from './sessions';

/** What the encrypted JWT cookie carries besides the user: its server-side session row. */
type SessionRef = {
  /** refresh_tokens.id of the current token. */
  id: string;
  /** The raw refresh token; only ever inside the encrypted, HttpOnly cookie. */
  token: string;
  /** Epoch ms after which the next session poll re-validates and rotates the token. */
  refreshAt: number;
};

declare module 'next-auth' {
  interface Session {
    user: SessionUser;
  }
  interface User extends Omit<SessionUser, 'email'> {
    id: string;
    sessionToken?: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    user?: SessionUser;
    session?: SessionRef;
  }
}

export const SESSION_MAX_AGE_SECONDS = SESSION_LIFETIME_SECONDS;

/** Thrown from the jwt callback: next-auth then clears the cookie and answers "no session". */
export class SessionEndedError extends Error {
  constructor(public reason: string) {
    super(`Session ended: ${reason}`);
    this.name = 'SessionEndedError';
  }
}

/** Secure cookies whenever the app is served over https; HttpOnly and SameSite=Lax always. */
const secureCookies = env.APP_URL.startsWith('https://');
const cookiePrefix = secureCookies ? '__Secure-' : '';
export const SESSION_COOKIE_NAME = `${cookiePrefix}next-auth.session-token`;
const baseCookie = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: secureCookies };
const cookies: Partial<CookiesOptions> = {
  sessionToken: { name: SESSION_COOKIE_NAME, options: baseCookie },
  callbackUrl: { name: `${cookiePrefix}next-auth.callback-url`, options: baseCookie },
  // __Host- pins the CSRF cookie to this exact host (no Domain attribute possible).
  csrfToken: { name: `${secureCookies ? '__Host-' : ''}next-auth.csrf-token`, options: baseCookie },
};

const refreshAt = (now: Date) => now.getTime() + env.SESSION_ACCESS_TTL_SECONDS * 1000;

const shared = {
  secret: env.AUTH_SECRET,
  session: { strategy: 'jwt' as const, maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  useSecureCookies: secureCookies,
  cookies,
  logger: {
    error(code: string, metadata: unknown) {
      const cause = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
      if (cause instanceof SessionEndedError) logger.info('auth.session_ended', { reason: cause.reason });
      else logger.error('auth.next_auth', { code, message: String((cause as Error)?.message ?? cause) });
    },
    warn(code: string) {
      logger.warn('auth.next_auth', { code });
    },
    debug() {},
  },
} satisfies Partial<NextAuthOptions>;

/** next-auth hands this to signIn() as `error`; the login form tells the person to wait. */
const TOO_MANY_ATTEMPTS = 'TooManyAttempts';

async function authorizeCredentials(email: string, password: string, headers: Record<string, unknown> | undefined) {
  const db = await getDb();
  const now = new Date();
  const result = await attemptSignIn(db, { email, password, ip: requestClientAddress(headers), now });
  if (result.status === 'limited') throw new Error(TOO_MANY_ATTEMPTS);
  if (result.status === 'invalid') return null;
  const session = await createSession(db, { userId: result.user.userId, userAgent: requestUserAgent(headers), now });
  return { id: result.user.userId, ...result.user, sessionId: session.id, sessionToken: session.token };
}

/** Options for the /api/auth route: sign-in, the session poll (which rotates), sign-out. */
export const authOptions: NextAuthOptions = {
  ...shared,
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        const parsed = signInInput.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          return await authorizeCredentials(parsed.data.email, parsed.data.password, req?.headers as Record<string, unknown> | undefined);
        } catch (error) {
          if (error instanceof Error && error.message === TOO_MANY_ATTEMPTS) throw error;
          // next-auth puts this message into the error URL: never the SQL or its parameters.
          throw new Error(reportServerError('auth.sign_in_failed', error).message);
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const now = new Date();
      if (user) {
        if (!user.sessionId || !user.sessionToken) throw new SessionEndedError('no-session-row');
        const { userId, companyId, companyType, role, email, sessionId } = user;
        token.user = { userId, companyId, companyType, role, email: email ?? '', sessionId };
        token.session = { id: sessionId, token: user.sessionToken, refreshAt: refreshAt(now) };
        return token;
      }
      if (!token.session || !token.user) throw new SessionEndedError('no-session-row');
      const db = await getDb();
      if (now.getTime() < token.session.refreshAt) {
        const live = await validateSession(db, { id: token.session.id, now });
        if (!live) throw new SessionEndedError('invalid');
        token.user = live;
        return token;
      }
      const rotated = await rotateSession(db, { id: token.session.id, token: token.session.token, now });
      if (!rotated.ok) throw new SessionEndedError(rotated.reason);
      token.user = rotated.user;
      token.session = { id: rotated.session.id, token: rotated.session.token, refreshAt: refreshAt(now) };
      return token;
    },
    // Only the user goes to the browser; the refresh token stays inside the encrypted cookie.
    session({ session, token }) {
      if (token.user) session.user = token.user;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.session?.id) await revokeSessionByTokenId(await getDb(), { id: token.session.id, now: new Date() });
    },
  },
};
