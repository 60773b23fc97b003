import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getSessionUser, loginPath } from '@/server/auth/session';
import { createCaller } from './root';
import { createRequestContext } from './request-context';

// The public entry point of Server Components (pages and layouts) into the server: the
// tRPC caller and who is signed in. Pages render in parallel with their layout, so each call
// site is guarded here too.

/** tRPC caller for the signed-in pages' Server Components; one context per request. */
export const getServerCaller = cache(async () => {
  const ctx = await createRequestContext(await headers(), getSessionUser());
  if (!ctx.session) redirect(await loginPath());
  return createCaller(ctx);
});

/** The signed-in user of this request; a visitor without a valid session goes to sign-in. */
export const getSignedInUser = cache(async () => {
  const session = await getSessionUser();
  if (!session) redirect(await loginPath());
  return session;
});
