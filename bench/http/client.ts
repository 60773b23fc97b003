/** HTTP helpers of the benchmark: next-auth sign-in for a cookie, tRPC requests as the browser sends them. */

export type HttpRequest = { method: 'GET' | 'POST'; path: string; body?: string; headers: Record<string, string> };

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/**
 * Signs in through next-auth's credentials provider as the login form does (CSRF token, then
 * the callback) and returns the session cookie header.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: `${baseUrl}/dashboard` }).toString(),
  });
  const session = cookiesOf(res).find((c) => c.startsWith('next-auth.session-token=') && c.length > 'next-auth.session-token='.length);
  if (!session) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return session;
}

/** A tRPC query (GET, superjson input) or mutation (POST) with the session cookie. */
export function trpcRequest(cookie: string, procedure: string, input: unknown, kind: 'query' | 'mutation', origin: string): HttpRequest {
  const json = JSON.stringify({ json: input ?? null });
  if (kind === 'query') {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(json)}`;
    return { method: 'GET', path: `/api/trpc/${procedure}${query}`, headers: { cookie } };
  }
  return { method: 'POST', path: `/api/trpc/${procedure}`, body: json, headers: { cookie, 'content-type': 'application/json', origin } };
}

/** Sends one request and checks it succeeded; returns the milliseconds it took. */
export async function timedRequest(baseUrl: string, req: HttpRequest): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${req.path}`, { method: req.method, headers: req.headers, body: req.body });
  const text = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${req.method} ${req.path.slice(0, 80)} → ${res.status}: ${text.slice(0, 200)}`);
  return ms;
}
