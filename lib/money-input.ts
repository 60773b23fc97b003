/** '12.50' or '12,50' → 1250 cents; NaN when it is not a money amount (the server then says why). */
export function parseMoneyToCents(text: string): number {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(normalized)) return Number.NaN;
  return Math.round(Number(normalized) * 100);
}

export function centsToMoneyInput(cents: number): string {
  return (cents / 100).toFixed(2);
}
