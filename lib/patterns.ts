// Text patterns shared by the schemas, the date helpers and the deadline rule.

/** 'YYYY-MM-DD' (the shape only; lib/dates checks that it is a real date). */
export const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'HH:MM' on a 24-hour clock, 00:00–23:59; groups: hours, minutes. */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
