'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { Form } from '@/components/forms/form';
import { PASSWORD_HINT } from '@/components/auth/set-password-form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, TextField } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';

const changePasswordForm = async () => {
  const { changePasswordInput, withRepeatedPassword } = await import('@/lib/schemas/auth');
  return withRepeatedPassword(changePasswordInput, 'newPassword');
};
const empty = { currentPassword: '', newPassword: '', repeat: '' };

export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const trpc = useTRPC();
  const [message, setMessage] = useState<string | null>(null);
  const form = useSchemaForm(changePasswordForm, { defaultValues: empty });
  const { errors } = form.formState;
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: ({ otherSessionsSignedOut }) => {
        const text =
          otherSessionsSignedOut > 0
            ? `Password changed. ${otherSessionsSignedOut} other ${otherSessionsSignedOut === 1 ? 'device was' : 'devices were'} signed out.`
            : 'Password changed.';
        setMessage(text);
        toast.success(text);
        form.reset(empty);
        onChanged?.();
      },
      onError: (error) => showServerErrors(form, error, ['currentPassword', 'newPassword']),
    }),
  );
  const onSubmit = form.handleSubmit(({ currentPassword, newPassword }) => {
    setMessage(null);
    change.mutate({ currentPassword, newPassword });
  });

  return (
    <Card title="Change password">
      <Form onSubmit={onSubmit} className="space-y-4">
        {message && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {message}
          </p>
        )}
        <FormError message={errors.root?.server?.message} />
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint={PASSWORD_HINT}
          error={errors.newPassword?.message}
          {...form.register('newPassword')}
        />
        <TextField
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          required
          error={errors.repeat?.message}
          {...form.register('repeat')}
        />
        <p className="text-xs text-slate-600">Changing your password signs out every other device.</p>
        <Button type="submit" pending={change.isPending}>
          Change password
        </Button>
      </Form>
    </Card>
  );
}
