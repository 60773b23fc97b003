// Every enum's values, declared once: the pgEnums (db/schema/enums.ts), the zod schemas, the
// services' rules and the UI all read them from here.

export const COMPANY_TYPES = ['CATERING', 'CLIENT'] as const;
export type CompanyType = (typeof COMPANY_TYPES)[number];

/** INVITED: a client company a caterer invited with a proposal; no users until it registers through the link. */
export const COMPANY_STATUSES = ['ACTIVE', 'INACTIVE', 'SUSPENDED', 'INVITED'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

export const WORK_MODES = ['REMOTE', 'HYBRID', 'ONSITE'] as const;
export type WorkMode = (typeof WORK_MODES)[number];
export const DEFAULT_WORK_MODE: WorkMode = 'ONSITE';

export const USER_ROLES = ['ADMIN', 'MANAGER', 'EMPLOYEE'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * PROPOSED: offered by the caterer, waiting for the client's ADMIN (no days, no capacity use);
 * DECLINED: a proposal the client declined or the caterer withdrew (final).
 */
export const CONTRACT_STATUSES = ['PROPOSED', 'ACTIVE', 'PAUSED', 'TERMINATED', 'DECLINED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Status changes of a contract (PROPOSED → ACTIVE | DECLINED; ACTIVE ⇄ PAUSED, either → TERMINATED). */
export const CONTRACT_TRANSITIONS = ['accept', 'decline', 'withdraw', 'pause', 'resume', 'terminate'] as const;
export type ContractTransition = (typeof CONTRACT_TRANSITIONS)[number];
/** Statuses of a contract the client agreed to (accepted once): it has or had service days. */
export const AGREED_CONTRACT_STATUSES = ['ACTIVE', 'PAUSED', 'TERMINATED'] as const satisfies readonly ContractStatus[];
export function isAgreedContract(status: ContractStatus): boolean {
  return (AGREED_CONTRACT_STATUSES as readonly ContractStatus[]).includes(status);
}
/** Transitions only one side may make: the client answers a proposal, the caterer withdraws it; the rest either side. */
export const CONTRACT_TRANSITION_SIDE: Partial<Record<ContractTransition, CompanyType>> = {
  accept: 'CLIENT',
  decline: 'CLIENT',
  withdraw: 'CATERING',
};
/** What a signed-in user may do to a contract (derived from role and status). */
export const CONTRACT_ACTIONS = [...CONTRACT_TRANSITIONS, 'edit'] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

/** CANCELLED: inside a closure added while its deadline was ahead (kept, costs nothing). */
export const SERVICE_DAY_STATUSES = ['PENDING', 'EXPECTED_CONFIRMED', 'SERVED_CONFIRMED', 'DISPUTED', 'CANCELLED'] as const;
export type ServiceDayStatus = (typeof SERVICE_DAY_STATUSES)[number];
/** A day whose count is not settled: the client's to set until the deadline (then the sweep locks it). */
export function isCountOpenStatus(status: ServiceDayStatus): boolean {
  return status === 'PENDING' || status === 'EXPECTED_CONFIRMED';
}

/** How a contract's notice is counted: clock hours before delivery, or business days with a cutoff time. */
export const NOTICE_MODES = ['HOURS', 'BUSINESS_DAYS'] as const;
export type NoticeMode = (typeof NOTICE_MODES)[number];

export const OUTBOX_STATUSES = ['PENDING', 'PUBLISHED', 'PROCESSED', 'DEAD'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** An e-mail delivery: waiting to be sent (or retried), sent, or given up on. */
export const EMAIL_DELIVERY_STATUSES = ['PENDING', 'SENT', 'DEAD'] as const;
export type EmailDeliveryStatus = (typeof EMAIL_DELIVERY_STATUSES)[number];

/** What a message is about; each user chooses per category whether it also comes by e-mail (in-app always). */
export const NOTIFICATION_CATEGORIES = ['reminders', 'confirmations', 'disputes', 'contracts', 'statements'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];
export const NOTIFICATION_CATEGORY_LABELS: Record<NotificationCategory, { label: string; description: string }> = {
  reminders: { label: 'Reminders', description: 'Meal counts to confirm before their deadline (one digest per day).' },
  confirmations: { label: 'Confirmations', description: 'Meal counts confirmed or locked, and served counts.' },
  disputes: { label: 'Disputes', description: 'Served counts disputed and disputes resolved.' },
  contracts: { label: 'Contracts and menus', description: 'Contracts proposed, changed, paused, resumed or terminated, and menus published or changed.' },
  statements: { label: 'Statements', description: 'Statements and invoices issued.' },
};

/** A statement: recomputed while DRAFT; ISSUED is frozen (numbered, sent); PAID records the payment. */
export const STATEMENT_STATUSES = ['DRAFT', 'ISSUED', 'PAID'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** Special diets a contract may offer (standard meals are implicit: the rest of the count). */
export const DIETS = ['VEGETARIAN', 'VEGAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'HALAL', 'KOSHER', 'NUT_FREE'] as const;
export type Diet = (typeof DIETS)[number];
export const DIET_LABELS: Record<Diet, string> = {
  VEGETARIAN: 'Vegetarian',
  VEGAN: 'Vegan',
  GLUTEN_FREE: 'Gluten-free',
  LACTOSE_FREE: 'Lactose-free',
  HALAL: 'Halal',
  KOSHER: 'Kosher',
  NUT_FREE: 'Nut-free',
};

/** The 14 allergens of EU Regulation 1169/2011, Annex II, that a dish must declare. */
export const ALLERGENS = [
  'GLUTEN',
  'CRUSTACEANS',
  'EGGS',
  'FISH',
  'PEANUTS',
  'SOYBEANS',
  'MILK',
  'NUTS',
  'CELERY',
  'MUSTARD',
  'SESAME',
  'SULPHITES',
  'LUPIN',
  'MOLLUSCS',
] as const;
export type Allergen = (typeof ALLERGENS)[number];
export const ALLERGEN_LABELS: Record<Allergen, string> = {
  GLUTEN: 'Gluten',
  CRUSTACEANS: 'Crustaceans',
  EGGS: 'Eggs',
  FISH: 'Fish',
  PEANUTS: 'Peanuts',
  SOYBEANS: 'Soy',
  MILK: 'Milk',
  NUTS: 'Tree nuts',
  CELERY: 'Celery',
  MUSTARD: 'Mustard',
  SESAME: 'Sesame',
  SULPHITES: 'Sulphites',
  LUPIN: 'Lupin',
  MOLLUSCS: 'Molluscs',
};

/** How settled a day's count is for the kitchen: confirmed by a person, locked at the deadline, or still open (an estimate). */
export const PRODUCTION_STATUSES = ['CONFIRMED', 'LOCKED', 'OPEN'] as const;
export type ProductionStatus = (typeof PRODUCTION_STATUSES)[number];
export const PRODUCTION_STATUS_LABELS: Record<ProductionStatus, string> = {
  CONFIRMED: 'Confirmed',
  LOCKED: 'Locked at deadline',
  OPEN: 'Still open (estimate)',
};
