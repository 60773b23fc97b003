type Settled<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/**
 * Promise.all for queries: waits for every one before throwing the first failure, because a
 * transaction must not end (or a request answer) with its queries still in flight. Queries sent
 * together are pipelined by postgres.js, so independent reads cost one round trip, not one each.
 */
export async function allQueries<T extends readonly unknown[] | []>(work: T): Promise<Settled<T>> {
  const settled = (await Promise.allSettled(work)) as PromiseSettledResult<unknown>[];
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as Settled<T>;
}
