import { TRPCClientError } from '@trpc/client';

/** Field → first message, from the server's error formatter (zod issues or domain field). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const data = error.data as { fieldErrors?: Record<string, string[]> | null } | undefined;
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) if (messages[0]) out[field] = messages[0];
  return out;
}

export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return 'Something went wrong. Please try again.';
}
