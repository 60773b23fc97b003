// "Fewer wasted meals": what a client should probably order for a day, from what was really
// served on the same weekday lately. One pure rule for the server (suggestedQuantity on each
// open day) and the forms (the reason shown beside the count). Browser-safe.
import { weekdayName } from '@/lib/dates';

/** How many of the latest same-weekday served counts the suggestion looks at, and the fewest it needs. */
export const SUGGESTION_HISTORY_DAYS = 8;
export const SUGGESTION_MIN_DATA_POINTS = 3;

/** The median of whole numbers, rounded half up to a whole meal. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * The median of the served counts of the last 8 same weekdays (newest first; only the first 8
 * count), clamped to the contract's [min, max]; null with fewer than 3 of them.
 */
export function suggestQuantity(input: { servedCounts: readonly number[]; min: number; max: number }): number | null {
  const counts = input.servedCounts.slice(0, SUGGESTION_HISTORY_DAYS);
  if (counts.length < SUGGESTION_MIN_DATA_POINTS) return null;
  return Math.min(input.max, Math.max(input.min, median(counts)));
}

/** "Served 104, 98, 110 … on the last 8 Mondays (median 104)." — the counts newest first. */
export function describeSuggestion(input: { servedCounts: readonly number[]; dayOfWeek: number; suggested: number }): string {
  const counts = input.servedCounts.slice(0, SUGGESTION_HISTORY_DAYS);
  const shown = counts.slice(0, 3).join(', ') + (counts.length > 3 ? ' …' : '');
  const days = `${counts.length === 1 ? '' : `${counts.length} `}${weekdayName(input.dayOfWeek)}${counts.length === 1 ? '' : 's'}`;
  const middle = median(counts);
  const clamped = middle === input.suggested ? '' : `, within the contract's limits: ${input.suggested}`;
  return `Served ${shown} on the last ${days} (median ${middle}${clamped}).`;
}
