import 'server-only';
import { getDb } from '@/server/database';
import type { SessionUser } from '@/server/domain/actor';
import { requestClientAddress, requestUserAgent } from '@/server/http/request-address';
import type { Context } from './context';

/**
 * Builds the tRPC context for a request (the route handler's, or a Server Component's headers)
 * and the session read from it (sessionUserFromRequest, or getSessionUser in a render).
 */
export async function createRequestContext(headers: Headers, sessionUser: Promise<SessionUser | null>): Promise<Context> {
  const [db, session] = await Promise.all([getDb(), sessionUser]);
  return {
    db,
    session,
    request: { ip: requestClientAddress(headers) ?? undefined, userAgent: requestUserAgent(headers) ?? undefined },
    now: () => new Date(),
  };
}
