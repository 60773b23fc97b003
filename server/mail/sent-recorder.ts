/**
 * Collects sent delivery ids and writes them with `write`, one call at a time: ids that arrive
 * while a write is running go in the next one, so the number of statements adapts to the rate
 * (one per message when idle, one per group under load) without a timer.
 */
export function sentRecorder(write: (ids: string[]) => Promise<void>) {
  let pending: string[] = [];
  let running: Promise<void> | null = null;
  let failure: unknown = null;
  const drain = async () => {
    while (pending.length > 0) {
      const ids = pending;
      pending = [];
      try {
        await write(ids);
      } catch (error) {
        // Those deliveries stay leased and go out again later (same Message-ID); flush() reports it.
        failure ??= error;
      }
    }
  };
  const start = () => {
    running ??= drain().finally(() => {
      running = null;
    });
    return running;
  };
  return {
    add(id: string) {
      pending.push(id);
      void start();
    },
    /** Waits until every id added so far is written; throws the first failed write. */
    async flush() {
      while (running || pending.length > 0) await start();
      if (failure) throw failure;
    },
  };
}
