'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, TextField } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/auth')).requestPasswordResetInput, { defaultValues: { email: '' } });
  const { errors } = form.formState;
  const request = useMutation(
    trpc.auth.requestPasswordReset.mutationOptions({ onError: (error) => showServerErrors(form, error, ['email']) }),
  );
  const onSubmit = form.handleSubmit((input) => request.mutate(input));

  return (
    <Card title={<span className="text-xl">Reset your password</span>}>
      {request.isSuccess ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {request.data.message}
        </p>
      ) : (
        <Form onSubmit={onSubmit} className="space-y-4">
          <p className="text-sm text-slate-600">Enter the email you sign in with. We will send you a link to choose a new password.</p>
          <FormError message={errors.root?.server?.message} />
          <TextField label="Email" type="email" autoComplete="email" required error={errors.email?.message} {...form.register('email')} />
          <Button type="submit" pending={request.isPending} className="w-full">
            Send reset link
          </Button>
        </Form>
      )}
      <p className="mt-4 text-sm">
        <Link className="text-emerald-800 underline" href="/login">
          Back to sign in
        </Link>
      </p>
    </Card>
  );
}
