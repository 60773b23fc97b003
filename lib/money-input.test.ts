import { describe, expect, it } from 'vitest';
import { centsToMoneyInput, parseMoneyToCents } from './money-input';

describe('money input', () => {
  it.each([
    ['12.50', 1250],
    ['12,5', 1250],
    ['0', 0],
    [' 7 ', 700],
    ['19.99', 1999],
    ['0.1', 10],
  ])('parses %s as %i cents', (text, cents) => expect(parseMoneyToCents(text)).toBe(cents));

  it.each(['', 'abc', '-1', '1.234', '1e3', '12.50 EUR'])('refuses %j', (text) => {
    expect(parseMoneyToCents(text)).toBeNaN();
  });

  it('round-trips cents to the input text', () => {
    expect(centsToMoneyInput(1250)).toBe('12.50');
    expect(parseMoneyToCents(centsToMoneyInput(1999))).toBe(1999);
  });
});
