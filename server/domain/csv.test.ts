import { describe, expect, it } from 'vitest';
import { centsToDecimal, csvCell, csvRow, neutralizeFormula, quoteCsvField } from './csv';

describe('quoteCsvField', () => {
  it('leaves plain fields alone', () => {
    expect(quoteCsvField('Acme Corp')).toBe('Acme Corp');
    expect(quoteCsvField('')).toBe('');
  });
  it('quotes fields with a comma, a quote, CR or LF and doubles inner quotes', () => {
    expect(quoteCsvField('Smith, Jones')).toBe('"Smith, Jones"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('line1\nline2')).toBe('"line1\nline2"');
    expect(quoteCsvField('a\rb')).toBe('"a\rb"');
  });
});

describe('neutralizeFormula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with an apostrophe', (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });
  it('leaves ordinary text (and formula characters later in the text) alone', () => {
    expect(neutralizeFormula('Lunch = 12 meals')).toBe('Lunch = 12 meals');
    expect(neutralizeFormula("'quoted")).toBe("'quoted");
    expect(neutralizeFormula('')).toBe('');
  });
});

describe('csvCell and csvRow', () => {
  it('guards text, then quotes it', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('-5, really')).toBe('"\'-5, really"');
  });
  it('writes numbers as numbers, even negative ones, and empty for null', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('yes');
  });
  it('joins cells with commas and ends the record with CRLF', () => {
    expect(csvRow(['2026-03-02', 12, null, 'a "b"'])).toBe('2026-03-02,12,,"a ""b"""\r\n');
  });
});

describe('centsToDecimal', () => {
  it('writes two decimals without grouping', () => {
    expect(csvCell(centsToDecimal(1250))).toBe('12.50');
    expect(csvCell(centsToDecimal(5))).toBe('0.05');
    expect(csvCell(centsToDecimal(0))).toBe('0.00');
    expect(csvCell(centsToDecimal(123456789))).toBe('1234567.89');
  });
  it('is numeric data, so a negative amount is not treated as a formula', () => {
    expect(csvCell(centsToDecimal(-5))).toBe('-0.05');
  });
});
