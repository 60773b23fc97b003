import { randomBytes } from 'node:crypto';
import { serverErrorMessage } from '@/lib/server-error';
import { logger } from '@/server/logger';

/**
 * Logs an unexpected failure with its detail under a fresh reference and returns the message
 * the client may see (generic, with that reference): SQL, parameters and stack stay in the log.
 */
export function reportServerError(event: string, error: unknown, fields: Record<string, unknown> = {}): { reference: string; message: string } {
  const reference = randomBytes(6).toString('hex');
  const cause = (error as { cause?: unknown } | null)?.cause;
  logger.error(event, {
    reference,
    ...fields,
    message: error instanceof Error ? error.message : String(error),
    ...(cause === undefined ? {} : { cause: String(cause) }),
  });
  return { reference, message: serverErrorMessage(reference) };
}
