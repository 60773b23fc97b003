'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, TextField } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';
import { errorMessage, fieldErrors } from '@/lib/trpc-errors';

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const errors = fieldErrors(request.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate({ email: String(new FormData(event.currentTarget).get('email') ?? '') });
  }

  return (
    <Card title={<span className="text-xl">Reset your password</span>}>
      {request.isSuccess ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {request.data.message}
        </p>
      ) : (
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <p className="text-sm text-slate-600">Enter the email you sign in with. We will send you a link to choose a new password.</p>
          <FormError message={request.error && !errors.email ? errorMessage(request.error) : null} />
          <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
          <Button type="submit" pending={request.isPending} className="w-full">
            Send reset link
          </Button>
        </form>
      )}
      <p className="mt-4 text-sm">
        <Link className="text-emerald-800 underline" href="/login">
          Back to sign in
        </Link>
      </p>
    </Card>
  );
}
