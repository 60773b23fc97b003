'use client';
import { useSession } from 'next-auth/react';
import { useEffect, useRef } from 'react';
import { SESSION_ENDED_PATH } from '@/lib/session-ended';

/**
 * On signed-in pages: the periodic session poll re-validates (and rotates) the session; when
 * the server answers that it ended (revoked elsewhere, password changed, user deactivated),
 * leave the page for the login form instead of showing stale data.
 *
 * Only a change from signed-in to signed-out counts: right after signing in, the client's
 * session state can still say "unauthenticated" (left over from the login page) for a moment.
 */
export function SessionWatcher() {
  const { status } = useSession();
  const wasAuthenticated = useRef(false);
  useEffect(() => {
    if (status === 'authenticated') wasAuthenticated.current = true;
    else if (status === 'unauthenticated' && wasAuthenticated.current) window.location.assign(SESSION_ENDED_PATH);
  }, [status]);
  return null;
}
