'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { Form } from '@/components/forms/form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, TextField } from '@/components/ui/field';
import { loadAuthClient } from '@/lib/auth-client';
import { prefetchWhenIdle } from '@/lib/prefetch-when-idle';
import { safeCallbackPath } from '@/lib/safe-callback';
import { isServerErrorMessage } from '@/lib/server-error';

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/auth')).signInInput, { defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => prefetchWhenIdle(loadAuthClient), []);

  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    const { signIn } = await loadAuthClient();
    const result = await signIn('credentials', { email, password, redirect: false });
    if (!result || result.error) {
      const message =
        result?.error === 'TooManyAttempts'
          ? 'Too many attempts. Please wait a few minutes and try again.'
          : isServerErrorMessage(result?.error)
            ? result!.error!
            : 'The email or password is not correct.';
      form.setError('root.server', { type: 'server', message });
      return;
    }
    router.replace(safeCallbackPath(params.get('callbackUrl'), window.location.origin));
    router.refresh();
  });

  return (
    <Card title={<span className="text-xl">Sign in</span>}>
      <Form onSubmit={onSubmit} className="space-y-4">
        {params.get('registered') && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            Your account is ready. Sign in to continue.
          </p>
        )}
        {params.get('reason') === 'session-ended' && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Your session has ended. Please sign in again.
          </p>
        )}
        <FormError message={errors.root?.server?.message} />
        <TextField label="Email" type="email" autoComplete="email" required error={errors.email?.message} {...form.register('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Button type="submit" pending={isSubmitting} className="w-full">
          Sign in
        </Button>
      </Form>
      <div className="mt-4 flex flex-wrap justify-between gap-2 text-sm">
        <Link className="text-emerald-800 underline" href="/forgot-password">
          Forgot your password?
        </Link>
        <Link className="text-emerald-800 underline" href="/register">
          Create an account
        </Link>
      </div>
    </Card>
  );
}
