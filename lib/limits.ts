// Limits shared by the zod schemas, the services' rules and the UI (maxLength, min/max, hints).

/** Free text a person writes (dispute reason, resolution note), in characters. */
export const MAX_TEXT_LENGTH = 1000;
/** Company names and emails: their varchar(255) columns. */
export const MAX_NAME_LENGTH = 255;
export const MAX_EMAIL_LENGTH = 255;

/** Meals in one day: the most a contract may allow and a served count may report. */
export const MAX_DAILY_QUANTITY = 100_000;
export const MAX_DAILY_CAPACITY = 1_000_000;
/** Notice before delivery: two weeks. */
export const MAX_NOTICE_HOURS = 336;
/** Notice in business days (BUSINESS_DAYS mode). */
export const MIN_NOTICE_BUSINESS_DAYS = 1;
export const MAX_NOTICE_BUSINESS_DAYS = 10;
/** A closure's reason, in characters. */
export const MAX_CLOSURE_REASON_LENGTH = 200;
/** The longest closure (inclusive days). */
export const MAX_CLOSURE_DAYS = 366;
/** Prices are stored in a PostgreSQL `integer` column; larger values would fail with a 500. */
export const MAX_PRICE_PER_MEAL_CENTS = 2_147_483_647;

/** tRPC calls in one HTTP request; the browser client batches within it. */
export const MAX_BATCH_CALLS = 10;
/** Days confirmed in one request ("confirm the week"). */
export const MAX_BATCH_ITEMS = 100;
/** Date ranges (inclusive days): lists and reports stay small; the CSV export streams longer ones. */
export const MAX_LIST_RANGE_DAYS = 366;
export const MAX_REPORT_RANGE_DAYS = 366;
export const MAX_EXPORT_RANGE_DAYS = 3660;

export const MIN_PASSWORD_BYTES = 8;
/** bcrypt silently ignores everything past 72 bytes, so longer passwords are refused. */
export const MAX_PASSWORD_BYTES = 72;
/** A token from an emailed link. */
export const MAX_LINK_TOKEN_LENGTH = 200;

/** A company's currency when nothing says otherwise (ISO 4217), and a caterer's statement prefix. */
export const DEFAULT_CURRENCY = 'EUR';
export const DEFAULT_STATEMENT_PREFIX = 'ST';

export const MAX_PAGE = 10_000;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Menus: dishes per day, a dish's name, and the longest range one list call returns. */
export const MAX_DISHES_PER_MENU = 20;
export const MAX_DISH_NAME_LENGTH = 120;
export const MAX_MENU_RANGE_DAYS = 62;
/** A menu change for a date this many days ahead (or fewer) tells the client; edits within this window make one digest. */
export const MENU_NOTICE_DAYS = 14;
export const MENU_DIGEST_MINUTES = 60;

/** A client's delivery details (the site contact's name fits its column). */
export const MAX_DELIVERY_ADDRESS_LENGTH = 500;
export const MAX_DELIVERY_INSTRUCTIONS_LENGTH = 1000;
export const MAX_SITE_CONTACT_NAME_LENGTH = 255;
export const MAX_SITE_CONTACT_PHONE_LENGTH = 50;
/** The fields of a client's delivery details (a slice of company.update). */
export const DELIVERY_DETAIL_FIELDS = ['deliveryAddress', 'deliveryInstructions', 'siteContactName', 'siteContactPhone'] as const;

/** A contract's default terms (the schema's defaults and what the contract form proposes). */
export const DEFAULT_DELIVERY_TIME = '12:00';
export const DEFAULT_NOTICE_HOURS = 24;
/** Stored for every contract; only BUSINESS_DAYS notice reads them. */
export const DEFAULT_NOTICE_BUSINESS_DAYS = 2;
export const DEFAULT_CUTOFF_TIME = '14:00';
/** What the contract form proposes for a new contract. */
export const PROPOSED_NOTICE = { noticeMode: 'BUSINESS_DAYS', noticeBusinessDays: DEFAULT_NOTICE_BUSINESS_DAYS, cutoffTime: DEFAULT_CUTOFF_TIME } as const;
