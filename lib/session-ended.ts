import { TRPCClientError } from '@trpc/client';

export const SESSION_ENDED_PATH = '/login?reason=session-ended';

/**
 * An API call answered 401: the session was revoked or expired since the page loaded. A full
 * navigation (not a client transition) drops every cached query of the old session.
 */
export function redirectIfSessionEnded(error: unknown) {
  if (typeof window === 'undefined' || !(error instanceof TRPCClientError)) return;
  const data = error.data as { code?: string; httpStatus?: number } | undefined;
  if (data?.code === 'UNAUTHORIZED' || data?.httpStatus === 401) {
    const back = encodeURIComponent(window.location.pathname + window.location.search);
    // A full page load on purpose: nothing of the ended session's client state may survive.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`${SESSION_ENDED_PATH}&callbackUrl=${back}`);
  }
}
