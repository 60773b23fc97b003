import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/api/root';
import { createRequestContext } from '@/server/api/request-context';
import { isSameOriginRequest } from '@/server/auth/origin-check';
import { env } from '@/server/env';

/** The browser's API: same-origin requests only (no cross-site form posts or fetches). */
export function handleTrpcRequest(req: Request) {
  const sameOrigin = isSameOriginRequest({
    method: req.method,
    origin: req.headers.get('origin'),
    host: req.headers.get('host'),
    appUrl: env.APP_URL,
  });
  if (!sameOrigin) {
    return Response.json(
      { error: { message: 'Cross-site requests are not allowed.', code: -32003, data: { code: 'FORBIDDEN', httpStatus: 403 } } },
      { status: 403 },
    );
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: createRequestContext,
  });
}
