'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';
import { errorMessage } from '@/lib/trpc-errors';
import { USER_ROLES, type UserRole } from '@/lib/enums';
import { ROLE_SHORT } from './roles';

type User = { id: string; email: string; role: UserRole; isActive: boolean; createdAt: Date };

export function UserRow({ user, isMe }: { user: User; isMe: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  const options = (success: string) => ({
    onSuccess: () => {
      setError(null);
      setConfirming(false);
      toast.success(success);
      return refresh();
    },
    onError: (e: unknown) => setError(errorMessage(e)),
  });
  const setRole = useMutation(trpc.user.setRole.mutationOptions(options(`Role of ${user.email} changed.`)));
  const deactivate = useMutation(trpc.user.deactivate.mutationOptions(options(`${user.email} was deactivated and signed out.`)));
  const activate = useMutation(trpc.user.activate.mutationOptions(options(`${user.email} can sign in again.`)));

  return (
    <li className="space-y-2 py-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">
            {user.email}
            {isMe && <span className="ml-2 text-xs text-slate-600">(you)</span>}
            {!user.isActive && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">Deactivated</span>}
          </p>
          <p className="text-xs text-slate-600">Member since {user.createdAt.toLocaleDateString()}</p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <SelectField
            label={`Role of ${user.email}`}
            value={user.role}
            disabled={setRole.isPending || !user.isActive}
            onChange={(e) => setRole.mutate({ id: user.id, role: e.target.value as UserRole })}
          >
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_SHORT[r]}
              </option>
            ))}
          </SelectField>
          {user.isActive ? (
            !confirming && (
              <Button variant="secondary" aria-label={`Deactivate ${user.email}`} onClick={() => setConfirming(true)}>
                Deactivate
              </Button>
            )
          ) : (
            <Button variant="secondary" aria-label={`Reactivate ${user.email}`} pending={activate.isPending} onClick={() => activate.mutate({ id: user.id })}>
              Reactivate
            </Button>
          )}
        </div>
      </div>
      {confirming && (
        <div role="group" aria-label={`Confirm deactivation of ${user.email}`} className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 px-3 py-2">
          <p className="text-sm text-red-900">
            Deactivate {user.email}? {isMe ? 'You' : 'They'} will be signed out on every device and cannot sign in until reactivated.
          </p>
          <Button variant="danger" pending={deactivate.isPending} onClick={() => deactivate.mutate({ id: user.id })}>
            Confirm deactivation
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
