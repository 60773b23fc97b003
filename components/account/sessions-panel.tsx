'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';
import { errorMessage } from '@/lib/trpc-errors';

const when = (d: Date) => d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A readable name for a browser from its user agent ("Firefox on Linux"). */
function deviceName(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? userAgent.slice(0, 60);
}

export function SessionsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.queryKey() });
  const revoke = useMutation(
    trpc.auth.revokeSession.mutationOptions({
      onSuccess: () => {
        toast.success('That device has been signed out.');
        return refresh();
      },
      onError: (e) => toast.error(errorMessage(e)),
    }),
  );
  const revokeOthers = useMutation(
    trpc.auth.revokeOtherSessions.mutationOptions({
      onSuccess: ({ signedOut }) => {
        toast.success(signedOut === 1 ? 'Signed out 1 other device.' : `Signed out ${signedOut} other devices.`);
        return refresh();
      },
      onError: (e) => toast.error(errorMessage(e)),
    }),
  );
  const others = (sessions.data ?? []).filter((s) => !s.current);

  return (
    <Card
      title="Where you are signed in"
      actions={
        <Button variant="secondary" pending={revokeOthers.isPending} disabled={others.length === 0} onClick={() => revokeOthers.mutate()}>
          Sign out everywhere else
        </Button>
      }
    >
      <FormError message={sessions.error ? errorMessage(sessions.error) : null} />
      {sessions.isPending ? (
        <p className="text-sm text-slate-600">Loading sessions…</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Active sessions">
          {(sessions.data ?? []).map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {deviceName(s.userAgent)}
                  {s.current && <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">This device</span>}
                </p>
                <p className="text-xs text-slate-600">
                  Signed in {when(s.signedInAt)} · last active {when(s.lastUsedAt)}
                </p>
                {s.userAgent && (
                  <p className="truncate text-xs text-slate-500" title={s.userAgent}>
                    {s.userAgent}
                  </p>
                )}
              </div>
              {!s.current && (
                <Button
                  variant="secondary"
                  aria-label={`Revoke ${deviceName(s.userAgent)}, signed in ${when(s.signedInAt)}`}
                  pending={revoke.isPending && revoke.variables?.id === s.id}
                  onClick={() => revoke.mutate({ id: s.id })}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
