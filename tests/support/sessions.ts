import type { Database } from '@/db/types';
import { createSession } from '@/server/auth/sessions';
import { callerFor, sessionForEmail, type Clock } from './callers';

/** Signs a user in as the login route does (a refresh_tokens row) and returns a caller bound to it. */
export async function signInAs(db: Database, email: string, clock: Clock, userAgent = 'vitest browser') {
  const base = await sessionForEmail(db, email);
  const issued = await createSession(db, { userId: base.userId, userAgent, now: clock.now });
  const session = { ...base, sessionId: issued.id };
  return { session, issued, caller: callerFor(db, session, clock) };
}

export async function trpcCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!error) throw new Error('expected the call to fail');
  return (error as { code: string }).code;
}

export const plusSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
