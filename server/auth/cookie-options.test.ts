import { afterEach, describe, expect, it, vi } from 'vitest';

/** The auth options are built from the validated environment once, at import. */
async function authOptionsWith(appUrl: string) {
  vi.resetModules();
  vi.stubEnv('APP_URL', appUrl);
  return (await import('./options')).authOptions;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('session cookies', () => {
  it('are HttpOnly, SameSite=Lax and Secure with __Secure-/__Host- names when served over https', async () => {
    const { cookies, useSecureCookies } = await authOptionsWith('https://chefops.example.com');
    expect(useSecureCookies).toBe(true);
    expect(cookies?.sessionToken?.name).toBe('__Secure-next-auth.session-token');
    expect(cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
    expect(cookies?.csrfToken?.name).toBe('__Host-next-auth.csrf-token');
    expect(cookies?.csrfToken?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true });
  });

  it('stay HttpOnly and SameSite=Lax but not Secure on plain http (local development)', async () => {
    const { cookies, useSecureCookies } = await authOptionsWith('http://localhost:3000');
    expect(useSecureCookies).toBe(false);
    expect(cookies?.sessionToken?.name).toBe('next-auth.session-token');
    expect(cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
  });
});
