import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from './errors';

describe('DomainError', () => {
  it('carries code, message and optional field, and is a real Error', () => {
    const err = new DomainError('BAD_REQUEST', 'Quantity must be a whole number from 1 to 5.', 'quantity');
    expect(err).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.field).toBe('quantity');
    expect(err.message).toBe('Quantity must be a whole number from 1 to 5.');
    expect(err.name).toBe('DomainError');
    expect(err.stack).toBeTypeOf('string');
  });

  it('leaves field undefined when not given', () => {
    expect(new DomainError('CONFLICT', 'No.').field).toBeUndefined();
  });

  it('isDomainError tells domain errors from other errors', () => {
    expect(isDomainError(new DomainError('NOT_FOUND', 'Gone.'))).toBe(true);
    expect(isDomainError(new Error('boom'))).toBe(false);
    expect(isDomainError({ code: 'CONFLICT', message: 'fake' })).toBe(false);
  });
});
