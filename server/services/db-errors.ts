/**
 * True when `error` (or one of its causes, as drivers and Drizzle wrap them) is a unique
 * violation of the named constraint/index. postgres.js names it `constraint_name`,
 * PGlite `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error as Record<string, unknown> | undefined; e && typeof e === 'object'; e = e.cause as typeof e) {
    if (e.code === '23505') {
      const name = e.constraint_name ?? e.constraint;
      if (name === constraint) return true;
    }
  }
  return false;
}
