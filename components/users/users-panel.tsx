'use client';
import { useQuery } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';
import { errorMessage } from '@/lib/trpc-errors';
import { InviteForm } from './invite-form';
import { ROLE_SHORT } from './roles';
import { UserRow } from './user-row';

export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const users = useQuery(trpc.user.list.queryOptions());
  const invitations = useQuery(trpc.user.invitations.queryOptions());

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[3fr_2fr]">
      <Card title="Team">
        <FormError message={users.error ? errorMessage(users.error) : null} />
        {users.isPending ? (
          <p className="text-sm text-slate-600">Loading users…</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Users">
            {(users.data ?? []).map((u) => (
              <UserRow key={u.id} user={u} isMe={u.id === currentUserId} />
            ))}
          </ul>
        )}
      </Card>
      <div className="space-y-4">
        <InviteForm />
        <Card title="Pending invitations">
          <FormError message={invitations.error ? errorMessage(invitations.error) : null} />
          {invitations.data?.length === 0 && <p className="text-sm text-slate-600">No invitations are waiting.</p>}
          <ul className="divide-y divide-slate-100" aria-label="Pending invitations">
            {(invitations.data ?? []).map((i) => (
              <li key={i.id} className="py-2 text-sm">
                <p className="font-medium text-slate-900">{i.email}</p>
                <p className="text-xs text-slate-600">
                  {ROLE_SHORT[i.role]} · invited by {i.invitedByEmail} · link valid until{' '}
                  {i.expiresAt.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
                </p>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
