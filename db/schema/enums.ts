import { pgEnum } from 'drizzle-orm/pg-core';

export const companyType = pgEnum('company_type', ['CATERING', 'CLIENT']);
export const companyStatus = pgEnum('company_status', ['ACTIVE', 'INACTIVE', 'SUSPENDED']);
export const workMode = pgEnum('work_mode', ['REMOTE', 'HYBRID', 'ONSITE']);
export const userRole = pgEnum('user_role', ['ADMIN', 'MANAGER', 'EMPLOYEE']);
export const contractStatus = pgEnum('contract_status', ['ACTIVE', 'PAUSED', 'TERMINATED']);
export const serviceDayStatus = pgEnum('service_day_status', [
  'PENDING',
  'EXPECTED_CONFIRMED',
  'SERVED_CONFIRMED',
  'DISPUTED',
]);
export const outboxStatus = pgEnum('outbox_status', ['PENDING', 'PUBLISHED', 'PROCESSED', 'DEAD']);

export type CompanyType = (typeof companyType.enumValues)[number];
export type WorkMode = (typeof workMode.enumValues)[number];
export type UserRole = (typeof userRole.enumValues)[number];
export type ContractStatus = (typeof contractStatus.enumValues)[number];
export type ServiceDayStatus = (typeof serviceDayStatus.enumValues)[number];
