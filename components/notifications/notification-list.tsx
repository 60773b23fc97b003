'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { formatInstant } from '@/lib/format';
import { useTRPC } from '@/lib/trpc';
import { errorMessage } from '@/lib/trpc-errors';

const PAGE_SIZE = 20;

export function NotificationList({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery(trpc.notification.list.queryOptions({ page, pageSize: PAGE_SIZE }, { refetchInterval: 30_000 }));
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      // Refreshes this list and the bell's count.
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notification.list.pathKey() }),
      onError: (e) => toast.error(errorMessage(e)),
    }),
  );

  if (list.isPending) return <p className="text-sm text-slate-600">Loading notifications…</p>;
  if (list.isError) return <p role="alert" className="text-sm text-red-700">{errorMessage(list.error)}</p>;
  const { items, total, unreadCount } = list.data;
  const unreadHere = items.filter((n) => !n.readAt).map((n) => n.id);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Card
      title={`${unreadCount} unread`}
      actions={
        <Button variant="secondary" disabled={unreadHere.length === 0} pending={markRead.isPending} onClick={() => markRead.mutate({ ids: unreadHere })}>
          Mark all on this page as read
        </Button>
      }
    >
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No notifications yet. Changes made by the other party of a contract will show up here.</p>
      ) : (
        <ul className="divide-y divide-slate-200" data-testid="notification-list">
          {items.map((n) => (
            <li key={n.id} className={cn('flex flex-wrap items-start justify-between gap-3 py-3', !n.readAt && 'font-medium')}>
              <div className="min-w-0 flex-1">
                <p className="text-sm text-slate-900">
                  {!n.readAt && <span className="mr-2 inline-block h-2 w-2 rounded-full bg-emerald-700" aria-label="Unread" />}
                  {n.link ? (
                    <Link href={n.link} className="underline decoration-slate-300 hover:decoration-slate-700" onClick={() => !n.readAt && markRead.mutate({ ids: [n.id] })}>
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                </p>
                <p className="mt-1 whitespace-pre-line text-sm font-normal text-slate-700">{n.body}</p>
                <p className="mt-1 text-xs font-normal text-slate-500">{formatInstant(n.createdAt, timeZone)}</p>
              </div>
              {!n.readAt && (
                <Button variant="ghost" className="min-h-8 px-2 py-1 text-xs" onClick={() => markRead.mutate({ ids: [n.id] })}>
                  Mark as read
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2 text-sm">
          <Button variant="secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            Newer
          </Button>
          <span className="text-slate-600">
            Page {page} of {pages}
          </span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            Older
          </Button>
        </nav>
      )}
    </Card>
  );
}
