import { pgEnum } from 'drizzle-orm/pg-core';
import {
  COMPANY_STATUSES,
  COMPANY_TYPES,
  CONTRACT_STATUSES,
  DIETS,
  NOTICE_MODES,
  EMAIL_DELIVERY_STATUSES,
  OUTBOX_STATUSES,
  SERVICE_DAY_STATUSES,
  STATEMENT_STATUSES,
  USER_ROLES,
  WORK_MODES,
} from '@/lib/enums';

// The values are declared once in lib/enums (shared with zod and the UI).
export const companyType = pgEnum('company_type', COMPANY_TYPES);
export const companyStatus = pgEnum('company_status', COMPANY_STATUSES);
export const workMode = pgEnum('work_mode', WORK_MODES);
export const userRole = pgEnum('user_role', USER_ROLES);
export const contractStatus = pgEnum('contract_status', CONTRACT_STATUSES);
export const serviceDayStatus = pgEnum('service_day_status', SERVICE_DAY_STATUSES);
export const outboxStatus = pgEnum('outbox_status', OUTBOX_STATUSES);
export const noticeMode = pgEnum('notice_mode', NOTICE_MODES);
export const statementStatus = pgEnum('statement_status', STATEMENT_STATUSES);
export const emailDeliveryStatus = pgEnum('email_delivery_status', EMAIL_DELIVERY_STATUSES);
export const diet = pgEnum('diet', DIETS);
