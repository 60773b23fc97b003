'use client';
import dynamic from 'next/dynamic';

// next-auth's client (11 kB gzipped) loads after hydration, not with every signed-in page.
const SessionPoll = dynamic(() => import('./session-poll').then((m) => m.SessionPoll), { ssr: false });

/** On signed-in pages: the session poll (components/auth/session-poll.tsx). */
export function SessionWatcher() {
  return <SessionPoll />;
}
