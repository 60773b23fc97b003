// Error codes mirror tRPC's so the API layer can map them one-to-one.
export type DomainErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'UNAUTHORIZED'
  | 'TOO_MANY_REQUESTS';

/**
 * A broken business rule. `message` is shown to end users, so it must be a plain sentence;
 * `field` names the offending input field (for form errors) when there is one.
 */
export class DomainError extends Error {
  constructor(
    public code: DomainErrorCode,
    message: string,
    public field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
