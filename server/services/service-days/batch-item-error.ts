import { DomainError, isDomainError } from '@/server/domain/errors';

/**
 * In a batch (all or nothing), an item's refusal names its day and points its field at the
 * item (`items.N.quantity`), so the form shows it on the right row; a single call is unchanged.
 */
export function forBatchItem(error: unknown, index: number, day: { day: { serviceDate: string } }, batch: boolean): unknown {
  if (!batch || !isDomainError(error)) return error;
  const message = error.message.includes(day.day.serviceDate) ? error.message : `${day.day.serviceDate}: ${error.message}`;
  const field = error.field ? `items.${index}.${error.field}` : undefined;
  return new DomainError(error.code, message, field);
}
