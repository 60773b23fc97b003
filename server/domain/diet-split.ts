import { dietSplitIssues, dietTotal, offeredOnly, type DietCounts } from '@/lib/diets';
import type { Diet } from '@/lib/enums';
import { DomainError } from './errors';

export interface DietSplitInput {
  quantity: number;
  /** The split asked for; undefined: keep the day's current one. */
  requested: DietCounts | undefined;
  /** The day's split now. */
  current: DietCounts;
  offered: readonly Diet[];
}

/**
 * The split a confirmation stores: the one asked for (offered diets only, each ≥ 0, at most
 * the quantity in all), or, when none is given, the day's current split (without diets the
 * contract no longer offers), which must still fit the new quantity. Refused with BAD_REQUEST
 * on `diets.<DIET>` or `diets`.
 */
export function resolveDietSplit(input: DietSplitInput): DietCounts {
  const { quantity, requested, current, offered } = input;
  if (requested === undefined) {
    const kept = offeredOnly(current, offered);
    const total = dietTotal(kept);
    if (total > quantity) {
      throw new DomainError(
        'BAD_REQUEST',
        `This day has ${total} special-diet meals, more than ${quantity} meals in total: change the diets too.`,
        'diets',
      );
    }
    return kept;
  }
  const [issue] = dietSplitIssues(requested, offered, quantity);
  if (issue) throw new DomainError('BAD_REQUEST', issue.message, issue.diet ? `diets.${issue.diet}` : 'diets');
  return offeredOnly(requested, offered);
}
