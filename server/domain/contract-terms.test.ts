import { describe, expect, it } from 'vitest';
import { contractTermsSchema, type ContractTermsInput } from '@/lib/schemas/contract-terms';
import { validateContractTerms } from './contract-terms';
import { DomainError } from './errors';

const valid: ContractTermsInput = {
  minDailyQuantity: 10,
  defaultQuantity: 20,
  maxQuantity: 30,
  noticeHours: 24,
  startDate: '2026-03-02',
  endDate: '2026-06-30',
  serviceDays: [1, 3, 5],
  pricePerMealCents: 1500,
  deliveryTime: '12:00',
};

/** Paths of the issues the schema reports for `valid` with `patch` applied. */
function issuePaths(patch: Record<string, unknown>): (string | number)[][] {
  const result = contractTermsSchema.safeParse({ ...valid, ...patch });
  if (result.success) return [];
  return result.error.issues.map((i) => i.path as (string | number)[]);
}

function accepts(patch: Record<string, unknown>): boolean {
  return contractTermsSchema.safeParse({ ...valid, ...patch }).success;
}

describe('contractTermsSchema', () => {
  it('accepts valid terms and normalises service days (dedupe + sort)', () => {
    const parsed = contractTermsSchema.parse({ ...valid, serviceDays: [5, 1, 3, 1, 5] });
    expect(parsed.serviceDays).toEqual([1, 3, 5]);
    expect(parsed.minDailyQuantity).toBe(10);
  });

  it('defaults the delivery time to 12:00', () => {
    const withoutTime: Partial<ContractTermsInput> = { ...valid };
    delete withoutTime.deliveryTime;
    expect(contractTermsSchema.parse(withoutTime).deliveryTime).toBe('12:00');
  });

  describe('quantities: 0 < min ≤ default ≤ max, integers', () => {
    it('allows min = default = max', () => {
      expect(accepts({ minDailyQuantity: 5, defaultQuantity: 5, maxQuantity: 5 })).toBe(true);
    });

    it('reports default < min on defaultQuantity', () => {
      expect(issuePaths({ minDailyQuantity: 21 })).toEqual([['defaultQuantity']]);
      const issue = contractTermsSchema.safeParse({ ...valid, minDailyQuantity: 21 }).error?.issues[0];
      expect(issue?.message).toBe('Default quantity (20) cannot be less than the minimum daily quantity (21).');
    });

    it('reports max < default on maxQuantity', () => {
      expect(issuePaths({ maxQuantity: 19 })).toEqual([['maxQuantity']]);
    });

    it('reports both when default is outside on both sides', () => {
      expect(issuePaths({ minDailyQuantity: 30, defaultQuantity: 20, maxQuantity: 10 })).toEqual([
        ['defaultQuantity'],
        ['maxQuantity'],
      ]);
    });

    it('rejects a minimum of 0 or less', () => {
      expect(issuePaths({ minDailyQuantity: 0 })).toEqual([['minDailyQuantity']]);
      expect(issuePaths({ minDailyQuantity: -1 })).toEqual([['minDailyQuantity']]);
      expect(accepts({ minDailyQuantity: 1 })).toBe(true);
    });

    it('rejects non-integers and non-numbers', () => {
      expect(issuePaths({ defaultQuantity: 20.5 })).toEqual([['defaultQuantity']]);
      expect(issuePaths({ maxQuantity: '30' })).toEqual([['maxQuantity']]);
    });

    it('caps quantities at 100000', () => {
      expect(accepts({ maxQuantity: 100_000 })).toBe(true);
      expect(issuePaths({ maxQuantity: 100_001 })).toEqual([['maxQuantity']]);
    });
  });

  describe('notice hours 0–336', () => {
    it.each([0, 1, 336])('accepts %i', (noticeHours) => {
      expect(accepts({ noticeHours })).toBe(true);
    });
    it.each([-1, 337, 2.5])('rejects %s', (noticeHours) => {
      expect(issuePaths({ noticeHours })).toEqual([['noticeHours']]);
    });
  });

  describe('period: end > start', () => {
    it('accepts an end one day after the start', () => {
      expect(accepts({ startDate: '2026-03-02', endDate: '2026-03-03' })).toBe(true);
    });
    it('reports end = start on endDate', () => {
      expect(issuePaths({ startDate: '2026-03-02', endDate: '2026-03-02' })).toEqual([['endDate']]);
    });
    it('reports end before start on endDate, with a readable message', () => {
      const result = contractTermsSchema.safeParse({ ...valid, startDate: '2026-03-02', endDate: '2026-03-01' });
      expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
        [['endDate'], 'End date (2026-03-01) must be after the start date (2026-03-02).'],
      ]);
    });
    it('rejects impossible or malformed dates on their own field', () => {
      expect(issuePaths({ startDate: '2026-02-30' })).toEqual([['startDate']]);
      expect(issuePaths({ endDate: '30.06.2026' })).toEqual([['endDate']]);
    });
  });

  describe('service days', () => {
    it('requires at least one day', () => {
      expect(issuePaths({ serviceDays: [] })).toEqual([['serviceDays']]);
    });
    it('rejects days outside 1–7 with the index in the path', () => {
      expect(issuePaths({ serviceDays: [1, 0] })).toEqual([['serviceDays', 1]]);
      expect(issuePaths({ serviceDays: [8] })).toEqual([['serviceDays', 0]]);
      expect(issuePaths({ serviceDays: [1.5] })).toEqual([['serviceDays', 0]]);
    });
    it('accepts weekends', () => {
      expect(contractTermsSchema.parse({ ...valid, serviceDays: [7, 6] }).serviceDays).toEqual([6, 7]);
    });
  });

  describe('price', () => {
    it('accepts 0 (free meals) and rejects negatives and fractions of a cent', () => {
      expect(accepts({ pricePerMealCents: 0 })).toBe(true);
      expect(issuePaths({ pricePerMealCents: -1 })).toEqual([['pricePerMealCents']]);
      expect(issuePaths({ pricePerMealCents: 12.5 })).toEqual([['pricePerMealCents']]);
    });
  });

  describe('delivery time HH:MM 00:00–23:59', () => {
    it.each(['00:00', '07:30', '23:59'])('accepts %s', (deliveryTime) => {
      expect(accepts({ deliveryTime })).toBe(true);
    });
    it.each(['24:00', '7:30', '12:60', '12:00:00', 'noon'])('rejects %s', (deliveryTime) => {
      expect(issuePaths({ deliveryTime })).toEqual([['deliveryTime']]);
    });
  });
});

describe('validateContractTerms', () => {
  it('returns the normalised terms', () => {
    expect(validateContractTerms({ ...valid, serviceDays: [3, 1, 3] }).serviceDays).toEqual([1, 3]);
  });

  it('throws BAD_REQUEST naming the field', () => {
    expect(() => validateContractTerms({ ...valid, endDate: '2026-03-01' })).toThrow(
      expect.objectContaining({
        code: 'BAD_REQUEST',
        field: 'endDate',
        message: 'End date (2026-03-01) must be after the start date (2026-03-02).',
      }),
    );
    expect(() => validateContractTerms({ ...valid, noticeHours: 400 })).toThrow(DomainError);
    expect(() => validateContractTerms({ ...valid, noticeHours: 400 })).toThrow(
      expect.objectContaining({ field: 'noticeHours' }),
    );
  });
});
