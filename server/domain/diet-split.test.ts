import { describe, expect, it } from 'vitest';
import { resolveDietSplit } from './diet-split';
import { DomainError } from './errors';

const offered = ['VEGETARIAN', 'GLUTEN_FREE'] as const;

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('resolveDietSplit', () => {
  it('stores the split asked for', () => {
    expect(resolveDietSplit({ quantity: 120, requested: { VEGETARIAN: 14, GLUTEN_FREE: 6 }, current: {}, offered })).toEqual({
      VEGETARIAN: 14,
      GLUTEN_FREE: 6,
    });
  });

  it('refuses a split over the quantity on `diets`, and a diet not offered on `diets.<DIET>`', () => {
    const over = refusal(() => resolveDietSplit({ quantity: 10, requested: { VEGETARIAN: 11 }, current: {}, offered }));
    expect(over).toMatchObject({ code: 'BAD_REQUEST', field: 'diets' });
    const notOffered = refusal(() => resolveDietSplit({ quantity: 10, requested: { HALAL: 1 }, current: {}, offered }));
    expect(notOffered).toMatchObject({ code: 'BAD_REQUEST', field: 'diets.HALAL' });
  });

  it('without a split keeps the current one, minus diets no longer offered, if it still fits', () => {
    expect(resolveDietSplit({ quantity: 30, requested: undefined, current: { VEGETARIAN: 5, VEGAN: 2 }, offered })).toEqual({
      VEGETARIAN: 5,
    });
    const shrunk = refusal(() => resolveDietSplit({ quantity: 4, requested: undefined, current: { VEGETARIAN: 5 }, offered }));
    expect(shrunk).toMatchObject({ code: 'BAD_REQUEST', field: 'diets' });
    expect(shrunk.message).toContain('5 special-diet meals');
  });
});
