// The served-count sanity rule, shared by the server (which refuses an unconfirmed outlier) and
// the served-count forms (which ask "are you sure?" before sending it). Browser-safe.

/** Why a served count looks like a typo: above the contract's maximum, or under half the expected. */
export type ServedOutlier = { kind: 'ABOVE_MAX'; maxQuantity: number } | { kind: 'BELOW_HALF_EXPECTED'; expectedQuantity: number };

/** Hours after its confirmation during which the caterer may correct its own served count. */
export const SERVED_CORRECTION_HOURS = 24;

/**
 * A served count above the contract's maximum, or below half of the expected quantity, is an
 * outlier: it is saved only when the caller confirms it. Exactly half is not an outlier.
 */
export function servedCountOutlier(input: { quantity: number; expectedQuantity: number; maxQuantity: number }): ServedOutlier | null {
  const { quantity, expectedQuantity, maxQuantity } = input;
  if (quantity > maxQuantity) return { kind: 'ABOVE_MAX', maxQuantity };
  if (quantity * 2 < expectedQuantity) return { kind: 'BELOW_HALF_EXPECTED', expectedQuantity };
  return null;
}

/** "Served 999 — that is above the contract's maximum of 160." */
export function describeServedOutlier(quantity: number, outlier: ServedOutlier): string {
  return outlier.kind === 'ABOVE_MAX'
    ? `Served ${quantity} — that is above the contract's maximum of ${outlier.maxQuantity}.`
    : `Served ${quantity} — that is less than half of the ${outlier.expectedQuantity} meals expected.`;
}
