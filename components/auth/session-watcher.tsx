'use client';
import { useSession } from 'next-auth/react';
import { useEffect } from 'react';
import { SESSION_ENDED_PATH } from '@/lib/session-ended';

/**
 * On signed-in pages: the periodic session poll re-validates (and rotates) the session; when
 * the server answers that it ended (revoked elsewhere, password changed, user deactivated),
 * leave the page for the login form instead of showing stale data.
 */
export function SessionWatcher() {
  const { status } = useSession();
  useEffect(() => {
    if (status === 'unauthenticated') window.location.assign(SESSION_ENDED_PATH);
  }, [status]);
  return null;
}
