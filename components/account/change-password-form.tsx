'use client';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { PASSWORD_HINT } from '@/components/auth/set-password-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, TextField } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';
import { fieldErrors, formLevelError } from '@/lib/trpc-errors';

export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const trpc = useTRPC();
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: ({ otherSessionsSignedOut }) => {
        const text =
          otherSessionsSignedOut > 0
            ? `Password changed. ${otherSessionsSignedOut} other ${otherSessionsSignedOut === 1 ? 'device was' : 'devices were'} signed out.`
            : 'Password changed.';
        setMessage(text);
        toast.success(text);
        onChanged?.();
      },
    }),
  );
  const errors = fieldErrors(change.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get('newPassword') ?? '');
    setMessage(null);
    if (newPassword !== String(form.get('confirm') ?? '')) {
      setMismatch('The two new passwords do not match.');
      return;
    }
    setMismatch(null);
    change.mutate(
      { currentPassword: String(form.get('currentPassword') ?? ''), newPassword },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <Card title="Change password">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {message && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {message}
          </p>
        )}
        <FormError message={formLevelError(change.error)} />
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
        <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required hint={PASSWORD_HINT} error={errors.newPassword} />
        <TextField label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" required error={mismatch ?? undefined} />
        <p className="text-xs text-slate-600">Changing your password signs out every other device.</p>
        <Button type="submit" pending={change.isPending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
