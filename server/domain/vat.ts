/**
 * VAT of one statement line, in cents: net × rate, rounded half-up (half a cent rounds away from
 * zero, so a credit line mirrors the charge it corrects). The rate is in basis points (800 = 8 %).
 * A statement's VAT is the sum of its lines' VAT, never VAT of the summed net: each printed line
 * then adds up to the printed total.
 */
export function vatCents(netCents: number, rateBasisPoints: number): number {
  if (netCents < 0) return -vatCents(-netCents, rateBasisPoints);
  // Integer arithmetic: net ≤ 2^31 · days and rate ≤ 10 000 stay far below 2^53.
  return Math.floor((netCents * rateBasisPoints + 5_000) / 10_000);
}

/** Net, VAT and gross of one line. */
export function lineAmounts(netCents: number, rateBasisPoints: number): { netCents: number; vatCents: number; grossCents: number } {
  const vat = vatCents(netCents, rateBasisPoints);
  return { netCents, vatCents: vat, grossCents: netCents + vat };
}
