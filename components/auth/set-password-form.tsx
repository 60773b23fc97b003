'use client';
import Link from 'next/link';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, TextField } from '@/components/ui/field';
import { errorMessage, fieldErrors } from '@/lib/trpc-errors';

export const PASSWORD_HINT = '8 to 72 characters (accented letters and emoji count as several). Common passwords are refused.';

type Props = {
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  token: string | undefined;
  pending: boolean;
  error: unknown;
  /** Shown instead of the form once the password is set. */
  done: ReactNode | null;
  onSubmit: (password: string) => void;
};

/** Choosing a password from an emailed link (reset or invitation): two fields that must match. */
export function SetPasswordForm({ title, intro, submitLabel, token, pending, error, done, onSubmit }: Props) {
  const [mismatch, setMismatch] = useState<string | null>(null);
  const errors = fieldErrors(error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirm') ?? '')) {
      setMismatch('The two passwords do not match.');
      return;
    }
    setMismatch(null);
    onSubmit(password);
  }

  const linkError = !token ? 'This link is missing its token. Open the link from the email again.' : (errors.token ?? null);
  const otherError = error && !errors.token && !errors.password ? errorMessage(error) : null;

  return (
    <Card title={<span className="text-xl">{title}</span>}>
      {done ?? (
        <form onSubmit={submit} className="space-y-4" noValidate>
          {intro}
          <FormError message={linkError ?? otherError} />
          <TextField
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            hint={PASSWORD_HINT}
            error={errors.password}
          />
          <TextField label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" required error={mismatch ?? undefined} />
          <Button type="submit" pending={pending} disabled={!token} className="w-full">
            {submitLabel}
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
