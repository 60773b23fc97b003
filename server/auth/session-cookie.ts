import { parse } from 'cookie';
import { decode } from 'next-auth/jwt';

/** A cookie as the request holds it. */
export type RequestCookie = { name: string; value: string };

/** The cookies of a request's Cookie header (null: none sent). */
export function cookiesFromHeader(header: string | null): RequestCookie[] {
  if (!header) return [];
  return Object.entries(parse(header)).map(([name, value]) => ({ name, value: value ?? '' }));
}

/**
 * The session cookie's value: next-auth splits a large one into `name.0`, `name.1`, …, joined
 * here in order, as its own session store does.
 */
export function sessionCookieValue(cookies: RequestCookie[], name: string): string | null {
  const parts = cookies
    .filter((c) => c.name === name || c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.split('.').pop()) - Number(b.name.split('.').pop()));
  return parts.length === 0 ? null : parts.map((c) => c.value).join('');
}

type Decoded = { sessionId: string | null; expiresAtMs: number };

/** Decoded cookies by value: a valid token stays valid until its exp, so it is decrypted once. */
const decodedByCookie = new Map<string, Decoded>();
const MAX_CACHED = 2_000;
/** next-auth's own tolerance when it checks a token's exp. */
const CLOCK_TOLERANCE_MS = 15_000;

/**
 * The session row id named by an encrypted session cookie, or null (tampered, expired, another
 * secret). Reading it is the per-request cost of every signed-in request, so a decrypted cookie
 * is remembered (bounded, oldest out first) until its exp; the row is still checked on every
 * request by validateSession, so revocation is not delayed.
 */
export async function sessionIdFromCookie(value: string, secret: string, nowMs = Date.now()): Promise<string | null> {
  const cached = decodedByCookie.get(value);
  if (cached) return cached.expiresAtMs > nowMs ? cached.sessionId : null;
  const token = await decode({ token: value, secret }).catch(() => null);
  if (!token) return null;
  const decoded: Decoded = {
    sessionId: typeof token.session?.id === 'string' && token.user ? token.session.id : null,
    expiresAtMs: typeof token.exp === 'number' ? token.exp * 1000 + CLOCK_TOLERANCE_MS : 0,
  };
  if (decodedByCookie.size >= MAX_CACHED) decodedByCookie.delete(decodedByCookie.keys().next().value!);
  decodedByCookie.set(value, decoded);
  return decoded.expiresAtMs > nowMs ? decoded.sessionId : null;
}
