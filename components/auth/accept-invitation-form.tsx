'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/lib/trpc';
import { SetPasswordForm } from './set-password-form';

export function AcceptInvitationForm({ token }: { token: string | undefined }) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.auth.acceptInvitation.mutationOptions());
  return (
    <SetPasswordForm
      title="Join your team on ChefOps"
      intro={<p className="text-sm text-slate-600">Choose a password for your new account. You will sign in with the email the invitation was sent to.</p>}
      submitLabel="Create my account"
      token={token}
      schema={async () => (await import('@/lib/schemas/auth')).acceptInvitationInput}
      onSubmit={(input) => accept.mutateAsync(input)}
      done={
        accept.isSuccess ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            Your account {accept.data.email} is ready.{' '}
            <Link className="font-medium underline" href="/login?registered=1">
              Sign in
            </Link>
            .
          </p>
        ) : null
      }
    />
  );
}
