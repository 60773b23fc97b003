import { describe, expect, it } from 'vitest';
import { describeDietSplit, dietSplitIssues, dietTotal, normaliseDiets, offeredOnly, standardMeals } from './diets';

describe('the diet split', () => {
  const offered = ['VEGETARIAN', 'GLUTEN_FREE'] as const;

  it('120 = 100 standard + 14 vegetarian + 6 gluten-free is valid', () => {
    const diets = { VEGETARIAN: 14, GLUTEN_FREE: 6 };
    expect(dietSplitIssues(diets, offered, 120)).toEqual([]);
    expect(dietTotal(diets)).toBe(20);
    expect(standardMeals(120, diets)).toBe(100);
    expect(describeDietSplit(120, diets)).toBe('100 standard · 14 vegetarian · 6 gluten-free');
  });

  it('may use every meal (no standard ones) but not more', () => {
    expect(dietSplitIssues({ VEGETARIAN: 14, GLUTEN_FREE: 6 }, offered, 20)).toEqual([]);
    expect(dietSplitIssues({ VEGETARIAN: 14, GLUTEN_FREE: 7 }, offered, 20)).toEqual([
      { diet: null, message: 'The special diets add up to 21 meals, more than the 20 meals in total.' },
    ]);
  });

  it('refuses a diet the contract does not offer, naming it', () => {
    expect(dietSplitIssues({ VEGAN: 2 }, offered, 20)).toEqual([
      { diet: 'VEGAN', message: 'Vegan meals are not offered by this contract.' },
    ]);
    // A zero of a diet not offered asks for nothing.
    expect(dietSplitIssues({ VEGAN: 0 }, offered, 20)).toEqual([]);
  });

  it('refuses negative and fractional counts, and unknown diets', () => {
    expect(dietSplitIssues({ VEGETARIAN: -1 }, offered, 20)[0]?.diet).toBe('VEGETARIAN');
    expect(dietSplitIssues({ GLUTEN_FREE: 1.5 }, offered, 20)[0]?.diet).toBe('GLUTEN_FREE');
    expect(dietSplitIssues({ PESCATARIAN: 1 } as never, offered, 20)).toEqual([
      { diet: null, message: 'PESCATARIAN is not a diet ChefOps knows.' },
    ]);
  });

  it('normalises: zeros dropped, keys in one order; offeredOnly drops diets no longer offered', () => {
    expect(JSON.stringify(normaliseDiets({ GLUTEN_FREE: 2, VEGAN: 0, VEGETARIAN: 3 }))).toBe('{"VEGETARIAN":3,"GLUTEN_FREE":2}');
    expect(offeredOnly({ VEGAN: 2, VEGETARIAN: 3 }, offered)).toEqual({ VEGETARIAN: 3 });
  });
});
