import { contractTermsSchema, type ContractTerms, type ContractTermsInput } from '@/lib/schemas/contract-terms';
import { DomainError } from './errors';

/**
 * Validates terms outside zod-aware code (e.g. after merging an update into stored terms).
 * Returns the normalised terms or throws BAD_REQUEST naming the first offending field.
 */
export function validateContractTerms(terms: ContractTermsInput): ContractTerms {
  const result = contractTermsSchema.safeParse(terms);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.');
  throw new DomainError('BAD_REQUEST', issue?.message ?? 'The contract terms are not valid.', field || undefined);
}
