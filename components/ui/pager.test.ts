import { describe, expect, it } from 'vitest';
import { pageFrom } from './pager';

describe('pageFrom', () => {
  it.each([
    [undefined, 3, 1],
    ['2', 3, 2],
    ['9', 3, 3],
    ['0', 3, 1],
    ['-4', 3, 1],
    ['abc', 3, 1],
    ['1', 0, 1],
  ])('page %j of %i pages → %i', (raw, count, expected) => expect(pageFrom(raw, count)).toBe(expected));
});
