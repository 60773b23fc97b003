import { MAX_PASSWORD_BYTES, MIN_PASSWORD_BYTES } from './limits';
import { text } from './text';

// The list of common passwords is large, so it stays on the server: server/auth/password-policy
// registers it at start. In the browser the same schema checks the length only, and a common
// password comes back from the server as an error on the password field.
const COMMON_PASSWORDS = new Set<string>();
export function registerCommonPasswords(list: Iterable<string>) {
  for (const p of list) COMMON_PASSWORDS.add(p.toLowerCase());
}

const utf8 = new TextEncoder();

/** The reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const bytes = utf8.encode(password).length;
  if (bytes < MIN_PASSWORD_BYTES) return `Password must be at least ${MIN_PASSWORD_BYTES} characters.`;
  if (bytes > MAX_PASSWORD_BYTES) {
    return `Password is too long: at most ${MAX_PASSWORD_BYTES} bytes (accented letters and emoji count as several).`;
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'This password is too common. Please choose another.';
  return null;
}

export const passwordSchema = text('Enter a password.').check((ctx) => {
  const problem = passwordProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});
