'use client';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm, type SchemaLoader } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, TextField } from '@/components/ui/field';
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_BYTES } from '@/lib/limits';
import type { resetPasswordInput } from '@/lib/schemas/auth';

export const PASSWORD_HINT = `${MIN_PASSWORD_BYTES} to ${MAX_PASSWORD_BYTES} characters (accented letters and emoji count as several). Common passwords are refused.`;

type LinkPasswordInput = { token: string; password: string };

type Props = {
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  token: string | undefined;
  /** The procedure's input schema (reset or invitation: a link token and the new password). */
  schema: SchemaLoader<typeof resetPasswordInput>;
  /** Shown instead of the form once the password is set. */
  done: ReactNode | null;
  onSubmit: (input: LinkPasswordInput) => Promise<unknown>;
};

/** Choosing a password from an emailed link (reset or invitation): two fields that must match. */
export function SetPasswordForm({ title, intro, submitLabel, token, schema, done, onSubmit }: Props) {
  const form = useSchemaForm(async () => (await import('@/lib/schemas/auth')).withRepeatedPassword(await schema(), 'password'), {
    defaultValues: { token: token ?? '', password: '', repeat: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ token, password }) => {
    try {
      await onSubmit({ token, password });
    } catch (error) {
      showServerErrors(form, error, ['password']);
    }
  });

  // A missing or refused token is about the link, not a field the person can fix.
  const linkError = !token ? 'This link is missing its token. Open the link from the email again.' : (errors.token?.message ?? null);

  return (
    <Card title={<span className="text-xl">{title}</span>}>
      {done ?? (
        <Form onSubmit={submit} className="space-y-4">
          {intro}
          <FormError message={linkError ?? errors.root?.server?.message} />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint={PASSWORD_HINT}
            error={errors.password?.message}
            {...form.register('password')}
          />
          <TextField
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            required
            error={errors.repeat?.message}
            {...form.register('repeat')}
          />
          <Button type="submit" pending={isSubmitting} disabled={!token} className="w-full">
            {submitLabel}
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
