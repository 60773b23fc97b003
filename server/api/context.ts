import type { Database } from '@/db/types';
import type { CompanyType, UserRole } from '@/db/schema';

/** What the signed-in user is, as carried by the session (never taken from input). */
export type SessionUser = {
  userId: string;
  companyId: string;
  companyType: CompanyType;
  role: UserRole;
  email: string;
  /** The server-side session row behind the JWT. */
  sessionId?: string;
};

export type RequestMeta = { ip?: string; userAgent?: string };

export type Context = {
  db: Database;
  session: SessionUser | null;
  request: RequestMeta;
  now: () => Date;
};
