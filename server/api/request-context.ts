import 'server-only';
import { getDb } from '@/server/database';
import { getSessionUser } from '@/server/auth/session';
import { requestClientAddress, requestUserAgent } from '@/server/http/request-address';
import type { Context } from './context';

/** Builds the tRPC context for a request (the route handler's, or a Server Component's headers). */
export async function createRequestContext(headers: Headers): Promise<Context> {
  const [db, session] = await Promise.all([getDb(), getSessionUser()]);
  return {
    db,
    session,
    request: { ip: requestClientAddress(headers) ?? undefined, userAgent: requestUserAgent(headers) ?? undefined },
    now: () => new Date(),
  };
}
