import type { CompanyType, UserRole } from '@/lib/enums';

/** Who is acting: the signed-in user as carried by the session (never taken from input). */
export type SessionUser = {
  userId: string;
  companyId: string;
  companyType: CompanyType;
  role: UserRole;
  email: string;
  /** The server-side session row behind the JWT. */
  sessionId?: string;
};
