export const ROLES = ['ADMIN', 'MANAGER', 'EMPLOYEE'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do (SPEC §5), as shown next to the role picker. */
export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Administrator — everything, including users and settings',
  MANAGER: 'Manager — confirmations, disputes and reports',
  EMPLOYEE: 'Employee — read only',
};
export const ROLE_SHORT: Record<Role, string> = { ADMIN: 'Administrator', MANAGER: 'Manager', EMPLOYEE: 'Employee' };
