import { describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import type { SessionUser } from '@/server/domain/actor';
import { sessionCookieValue, sessionIdFromCookie } from './session-cookie';

const secret = 'a-test-secret-of-enough-length-0123456789';
const user: SessionUser = { userId: 'u1', companyId: 'c1', companyType: 'CLIENT', role: 'ADMIN', email: 'a@b.test' };
const token = (sessionId: string, extra: object = {}) =>
  encode({ token: { user, session: { id: sessionId, token: 'raw', refreshAt: 0 }, ...extra }, secret, maxAge: 60 });

describe('the session cookie', () => {
  it('names its session row; a tampered cookie, another secret or a token without a user names none', async () => {
    const cookie = await token('s-1');
    expect(await sessionIdFromCookie(cookie, secret)).toBe('s-1');
    expect(await sessionIdFromCookie(`${cookie.slice(0, -3)}AAA`, secret)).toBeNull();
    expect(await sessionIdFromCookie(await token('s-2'), 'another-secret-of-enough-length-0123456789')).toBeNull();
    const userless = await encode({ token: { session: { id: 's-3', token: 'raw', refreshAt: 0 } }, secret });
    expect(await sessionIdFromCookie(userless, secret)).toBeNull();
  });

  it('is no longer accepted after its exp, also when it was read before (from memory)', async () => {
    const cookie = await token('s-4');
    const now = Date.now();
    expect(await sessionIdFromCookie(cookie, secret, now)).toBe('s-4');
    expect(await sessionIdFromCookie(cookie, secret, now + 30_000)).toBe('s-4');
    expect(await sessionIdFromCookie(cookie, secret, now + 60_000 + 16_000)).toBeNull();
  });

  it('joins a cookie next-auth split into chunks, in chunk order, and ignores other cookies', () => {
    const name = 'next-auth.session-token';
    expect(sessionCookieValue([{ name: 'other', value: 'x' }], name)).toBeNull();
    expect(sessionCookieValue([{ name, value: 'whole' }, { name: 'other', value: 'x' }], name)).toBe('whole');
    expect(
      sessionCookieValue(
        [
          { name: `${name}.1`, value: 'B' },
          { name: `${name}.10`, value: 'D' },
          { name: `${name}.0`, value: 'A' },
          { name: `${name}.2`, value: 'C' },
          { name: 'next-auth.csrf-token', value: 'x' },
        ],
        name,
      ),
    ).toBe('ABCD');
  });
});
