import type { UserRole } from '@/lib/enums';

/** What each role may do (SPEC §5), as shown next to the role picker. */
export const ROLE_LABELS: Record<UserRole, string> = {
  ADMIN: 'Administrator — everything, including users and settings',
  MANAGER: 'Manager — confirmations, disputes and reports',
  EMPLOYEE: 'Employee — read only',
};
export const ROLE_SHORT: Record<UserRole, string> = { ADMIN: 'Administrator', MANAGER: 'Manager', EMPLOYEE: 'Employee' };
