import { z } from 'zod';

/**
 * Control characters other than tab and line breaks (CR, LF). Nobody types them, and NUL is
 * refused by PostgreSQL itself: without this rule it answered 500 instead of BAD_REQUEST.
 */
const FORBIDDEN_CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function hasForbiddenControlCharacter(value: string): boolean {
  return FORBIDDEN_CONTROL_CHARACTER.test(value);
}

export const CONTROL_CHARACTER_MESSAGE = 'Remove control characters: only tabs and line breaks are allowed.';

/** Every text input schema starts from this one (`text('Give a reason.')`), so the rule lives here only. */
export function text(message?: string) {
  return z.string(message).refine((value) => !hasForbiddenControlCharacter(value), CONTROL_CHARACTER_MESSAGE);
}
