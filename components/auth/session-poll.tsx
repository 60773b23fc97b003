'use client';
import { SessionProvider, useSession } from 'next-auth/react';
import { useEffect, useRef } from 'react';
import { SESSION_ENDED_PATH } from '@/lib/session-ended';

/**
 * The periodic session poll: it re-validates the session and rotates its token once the
 * short-lived part expires; when the server answers that it ended (revoked elsewhere, password
 * changed, user deactivated), leave the page for the login form instead of showing stale data.
 */
export function SessionPoll() {
  return (
    <SessionProvider refetchOnWindowFocus refetchInterval={60}>
      <LeaveWhenEnded />
    </SessionProvider>
  );
}

/**
 * Only a change from signed-in to signed-out counts: right after signing in, the client's
 * session state can still say "unauthenticated" for a moment.
 */
function LeaveWhenEnded() {
  const { status } = useSession();
  const wasAuthenticated = useRef(false);
  useEffect(() => {
    if (status === 'authenticated') wasAuthenticated.current = true;
    else if (status === 'unauthenticated' && wasAuthenticated.current) window.location.assign(SESSION_ENDED_PATH);
  }, [status]);
  return null;
}
