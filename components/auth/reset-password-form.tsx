'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/lib/trpc';
import { SetPasswordForm } from './set-password-form';

export function ResetPasswordForm({ token }: { token: string | undefined }) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  return (
    <SetPasswordForm
      title="Choose a new password"
      submitLabel="Set new password"
      token={token}
      schema={async () => (await import('@/lib/schemas/auth')).resetPasswordInput}
      onSubmit={(input) => reset.mutateAsync(input)}
      done={
        reset.isSuccess ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            Your password has been changed and every device has been signed out.{' '}
            <Link className="font-medium underline" href="/login">
              Sign in with your new password
            </Link>
            .
          </p>
        ) : null
      }
    />
  );
}
