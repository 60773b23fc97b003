import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const MIN_PASSWORD_BYTES = 8;
/** bcrypt silently ignores everything past 72 bytes, so we refuse longer passwords. */
export const MAX_PASSWORD_BYTES = 72;

const COMMON_PASSWORDS = new Set<string>();
export function registerCommonPasswords(list: Iterable<string>) {
  for (const p of list) COMMON_PASSWORDS.add(p.toLowerCase());
}

/**
 * The shipped list is read once, relative to the project root: that path is the same under
 * vitest, tsx scripts and the Next server, where a bundler may move this module elsewhere.
 */
export const COMMON_PASSWORDS_FILE = path.join(process.cwd(), 'server', 'auth', 'common-passwords.txt');
registerCommonPasswords(
  readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean),
);

/** The reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes < MIN_PASSWORD_BYTES) return `Password must be at least ${MIN_PASSWORD_BYTES} characters.`;
  if (bytes > MAX_PASSWORD_BYTES) {
    return `Password is too long: at most ${MAX_PASSWORD_BYTES} bytes (accented letters and emoji count as several).`;
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'This password is too common. Please choose another.';
  return null;
}

export const passwordSchema = z.string().check((ctx) => {
  const problem = passwordProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});
