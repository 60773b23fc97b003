/** A fixed-window limit: at most `limit` counted events per `windowSeconds`. */
export type RateLimitRule = { prefix: string; limit: number; windowSeconds: number };

/** Whether the window that began at `startedAt` is over at `now` (the next event starts a new one). */
export function windowExpired(startedAt: Date, now: Date, windowSeconds: number): boolean {
  return now.getTime() - startedAt.getTime() >= windowSeconds * 1000;
}

/** Seconds until the window that began at `startedAt` ends (0 when it already has). */
export function secondsUntilWindowEnds(startedAt: Date, now: Date, windowSeconds: number): number {
  return Math.max(0, Math.ceil((startedAt.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
}

/** The counter state after one more event at `now`; mirrors the SQL upsert in rate-limit.ts. */
export function nextWindow(
  current: { count: number; startedAt: Date } | null,
  now: Date,
  windowSeconds: number,
): { count: number; startedAt: Date } {
  if (!current || windowExpired(current.startedAt, now, windowSeconds)) return { count: 1, startedAt: now };
  return { count: current.count + 1, startedAt: current.startedAt };
}

export function isOverLimit(count: number, rule: RateLimitRule): boolean {
  return count > rule.limit;
}
