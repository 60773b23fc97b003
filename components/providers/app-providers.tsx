'use client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { useEffect, useState, type ReactNode } from 'react';
import superjson from 'superjson';
import { MAX_BATCH_CALLS } from '@/lib/limits';
import type { AppRouter } from '@/server/api/root';
import { redirectIfSessionEnded } from '@/lib/session-ended';
import { TRPCProvider } from '@/lib/trpc';
import { Toaster } from '@/components/ui/toaster';

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 15_000, retry: 1 } },
        queryCache: new QueryCache({ onError: redirectIfSessionEnded }),
        mutationCache: new MutationCache({ onError: redirectIfSessionEnded }),
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: '/api/trpc', transformer: superjson, maxItems: MAX_BATCH_CALLS })],
    }),
  );
  // Tells the browser tests that the page is hydrated (forms carry their own marker too).
  useEffect(() => {
    document.documentElement.dataset.hydrated = '';
  }, []);
  return (
    // Signed-in pages poll the session themselves (components/auth/session-watcher.tsx).
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
        <Toaster />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
