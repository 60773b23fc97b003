'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/lib/trpc';
import { ChangePasswordForm } from './change-password-form';
import { SessionsPanel } from './sessions-panel';

export function AccountSecurity() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[3fr_2fr]">
      <SessionsPanel />
      <ChangePasswordForm onChanged={() => queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.queryKey() })} />
    </div>
  );
}
