/** After this many failed attempts an event is DEAD and waits for an operator. */
export const MAX_ATTEMPTS = 5;

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/**
 * Delay before retry number `attempt` (1 = after the first failure): exponential, capped at an
 * hour, with "equal jitter" (a random point in the upper half) so that events that failed
 * together do not all come back at the same instant, while every delay is still at least as
 * long as the previous attempt's.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(exponent, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random(), 0), 1));
}

export const RETRY_DELAY_CAP_MS = MAX_DELAY_MS;
