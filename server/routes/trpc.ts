import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { MAX_BATCH_CALLS } from '@/lib/limits';
import { appRouter } from '@/server/api/root';
import { createRequestContext } from '@/server/api/request-context';
import { isSameOriginRequest } from '@/server/auth/origin-check';
import { sessionUserFromRequest } from '@/server/auth/session';
import { env } from '@/server/env';

const ENDPOINT = '/api/trpc';

/** An error answered before tRPC runs, in tRPC's own (superjson) error shape so clients read it the same way. */
function refuse(status: 400 | 403, code: 'BAD_REQUEST' | 'FORBIDDEN', message: string) {
  const rpcCode = status === 403 ? -32003 : -32600;
  return Response.json({ error: superjson.serialize({ message, code: rpcCode, data: { code, httpStatus: status } }) }, { status });
}

/** Procedure calls in the request: a batch names them comma-separated in the path. */
function callCount(req: Request): number {
  const url = new URL(req.url);
  if (url.searchParams.get('batch') !== '1') return 1;
  return decodeURIComponent(url.pathname.slice(ENDPOINT.length + 1)).split(',').length;
}

/** The browser's API: same-origin requests only (no cross-site form posts or fetches), small batches. */
export function handleTrpcRequest(req: Request) {
  const sameOrigin = isSameOriginRequest({
    method: req.method,
    origin: req.headers.get('origin'),
    host: req.headers.get('host'),
    appUrl: env.APP_URL,
  });
  if (!sameOrigin) return refuse(403, 'FORBIDDEN', 'Cross-site requests are not allowed.');
  const calls = callCount(req);
  if (calls > MAX_BATCH_CALLS) {
    return refuse(400, 'BAD_REQUEST', `One request may carry at most ${MAX_BATCH_CALLS} calls; this one has ${calls}. Send them in smaller batches.`);
  }
  return fetchRequestHandler({
    endpoint: ENDPOINT,
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: () => createRequestContext(req.headers, sessionUserFromRequest(req)),
  });
}
