import { TRPCError } from '@trpc/server';
import { DomainError } from '@/server/domain/errors';

/** PostgreSQL error codes we translate into answers a person understands. */
const PG_UNIQUE_VIOLATION = '23505';
const PG_CHECK_VIOLATION = '23514';
const PG_SERIALIZATION_FAILURE = '40001';

function findPgCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/**
 * Turns what a service threw into a TRPCError: typed domain errors keep their code and
 * message; database constraint violations become CONFLICT/BAD_REQUEST instead of a 500.
 * Anything else is left alone (a real 500, logged).
 */
export function toTRPCError(error: unknown): TRPCError | undefined {
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  if (cause instanceof DomainError) {
    return new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  switch (findPgCode(cause)) {
    case PG_UNIQUE_VIOLATION:
      return new TRPCError({ code: 'CONFLICT', message: 'This record already exists.', cause: error });
    case PG_CHECK_VIOLATION:
      return new TRPCError({ code: 'BAD_REQUEST', message: 'A value is outside its allowed range.', cause: error });
    case PG_SERIALIZATION_FAILURE:
      return new TRPCError({ code: 'CONFLICT', message: 'Someone else changed this at the same time. Please try again.', cause: error });
    default:
      return undefined;
  }
}
