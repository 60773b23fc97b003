import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { createCaller } from './root';
import { loginPath } from '@/server/auth/session';
import { createRequestContext } from './request-context';

/**
 * tRPC caller for the signed-in pages' Server Components; one context per request.
 * Pages render in parallel with their layout, so each call site is guarded here too.
 */
export const getServerCaller = cache(async () => {
  const ctx = await createRequestContext();
  if (!ctx.session) redirect(await loginPath());
  return createCaller(ctx);
});
