// CSV as RFC 4180 describes it, safe to open in a spreadsheet.

export const CSV_LINE_END = '\r\n';

/** First characters that make a spreadsheet read a cell as a formula (or split it). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Text typed by people (names, notes, dispute reasons) could start a formula that runs when the
 * file is opened in a spreadsheet ("=HYPERLINK(…)"): a leading apostrophe makes it plain text.
 */
export function neutralizeFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

/** Quotes a field when it holds a comma, a quote or a line break, doubling inner quotes. */
export function quoteCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * One cell. Strings are free text and are guarded against formulas; numbers are written as
 * they are (a negative number is data, not a formula); null and undefined are empty.
 */
export type CsvValue = string | number | boolean | null | undefined | CsvDecimal;

/** A decimal amount written as it is (numeric data, never free text). */
export type CsvDecimal = { decimal: string };

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.decimal;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return quoteCsvField(neutralizeFormula(value));
}

/** One record with its CRLF line end. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + CSV_LINE_END;
}

/** Cents as a plain decimal amount for spreadsheets, e.g. 1250 → "12.50", -5 → "-0.05". */
export function centsToDecimal(cents: number): CsvDecimal {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return { decimal: `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` };
}
