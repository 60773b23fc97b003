import 'server-only';
import { TRPCError } from '@trpc/server';
import type { getServerCaller } from '@/server/api/server-caller';

type Caller = Awaited<ReturnType<typeof getServerCaller>>;

/** The contract, or null when it does not exist or belongs to another company (or the id is malformed). */
export async function loadContractOrNotFound(api: Caller, id: string) {
  try {
    return await api.contract.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) return null;
    throw error;
  }
}
