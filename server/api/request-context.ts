import 'server-only';
import { headers } from 'next/headers';
import { getDb } from '@/server/database';
import { getSessionUser } from '@/server/auth/session';
import type { Context } from './context';

/** Builds the tRPC context for the current request (route handler or Server Component). */
export async function createRequestContext(): Promise<Context> {
  const h = await headers();
  const [db, session] = await Promise.all([getDb(), getSessionUser()]);
  return {
    db,
    session,
    request: {
      ip: h.get('x-forwarded-for')?.split(',')[0]?.trim() ?? h.get('x-real-ip') ?? undefined,
      userAgent: h.get('user-agent') ?? undefined,
    },
    now: () => new Date(),
  };
}
