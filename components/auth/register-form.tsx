'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Controller } from 'react-hook-form';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { browserTimeZone } from '@/components/settings/time-zones';
import { TimeZoneSelect } from '@/components/settings/time-zone-select';
import { WorkModeSelect } from '@/components/settings/work-mode-select';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, TextField } from '@/components/ui/field';
import { loadAuthClient } from '@/lib/auth-client';
import { currencyForTimeZone } from '@/lib/currency-for-zone';
import { DEFAULT_WORK_MODE } from '@/lib/enums';
import { prefetchWhenIdle } from '@/lib/prefetch-when-idle';
import { useTRPC } from '@/lib/trpc';

const COMPANY_TYPE_CHOICES = [
  ['CATERING', 'A caterer', 'We cook and deliver'],
  ['CLIENT', 'A client', 'Our office orders meals'],
] as const;

/** Sign-up; with `invitationToken` (a caterer's client invitation) it registers the invited client company. */
export function RegisterForm({ invitationToken }: { invitationToken?: string } = {}) {
  const trpc = useTRPC();
  const router = useRouter();
  const invitation = useQuery({ ...trpc.auth.clientInvitation.queryOptions({ token: invitationToken ?? '' }), enabled: Boolean(invitationToken) });
  const invited = invitationToken && invitation.data && !invitation.data.problem ? invitation.data : null;
  // Fields of the other company type unmount and drop out of the input (shouldUnregister).
  const form = useSchemaForm(async () => (await import('@/lib/schemas/auth')).registerInput, {
    shouldUnregister: true,
    defaultValues: { companyType: 'CATERING', companyName: '', email: '', password: '', timezone: 'UTC', currency: currencyForTimeZone('UTC'), workMode: DEFAULT_WORK_MODE },
  });
  const { errors } = form.formState;
  const companyType = form.watch('companyType');
  // The invitation pre-fills the client company; the invitee may correct its name and address.
  useEffect(() => {
    if (!invited) return;
    form.setValue('companyType', 'CLIENT');
    form.setValue('clientInvitationToken', invitationToken);
    if (!form.getFieldState('companyName').isDirty) form.setValue('companyName', invited.companyName ?? '');
    if (!form.getFieldState('email').isDirty) form.setValue('email', invited.email ?? '');
  }, [form, invited, invitationToken]);
  // Suggest the zone the invitation's terms were proposed in, else the browser's own (known
  // only after hydration), until the user picks one.
  useEffect(() => {
    if (!form.getFieldState('timezone').isDirty) form.setValue('timezone', invited?.timezone ?? browserTimeZone());
  }, [form, invited]);
  // The currency follows the zone's country (Europe/Warsaw → PLN) until the user types one.
  const timezone = form.watch('timezone');
  useEffect(() => {
    if (timezone && !form.getFieldState('currency').isDirty) form.setValue('currency', currencyForTimeZone(timezone));
  }, [form, timezone]);

  useEffect(() => prefetchWhenIdle(loadAuthClient), []);
  const register = useMutation(
    trpc.auth.register.mutationOptions({
      onSuccess: async (created, { email, password }) => {
        const { signIn } = await loadAuthClient();
        const result = await signIn('credentials', { email, password, redirect: false });
        // Registered through an invitation: straight to the proposal waiting for an answer.
        const home = created.proposalId ? `/contracts/${created.proposalId}` : '/dashboard';
        router.replace(result?.ok ? home : '/login?registered=1');
        router.refresh();
      },
      onError: (error) =>
        showServerErrors(form, error, ['companyType', 'companyName', 'email', 'password', 'dailyCapacity', 'currency', 'workMode', 'timezone', 'clientInvitationToken']),
    }),
  );
  const onSubmit = form.handleSubmit((input) => register.mutate(input));

  return (
    <Card title={<span className="text-xl">Create your ChefOps account</span>}>
      <Form onSubmit={onSubmit} className="space-y-4">
        {invitationToken && invitation.data?.problem && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {invitation.data.problem} You can still create an account below.
          </p>
        )}
        {invited && (
          <>
            <p role="status" className="rounded-md border border-violet-300 bg-violet-50 px-3 py-2 text-sm text-violet-950">
              {invited.cateringName ?? 'A caterer'} proposes a catering contract to {invited.companyName}. Register your company to review the
              proposal and accept or decline it.
              {invited.timezone && <> Its delivery time and deadlines are on {invited.timezone.replaceAll('_', ' ')} time.</>}
            </p>
            <input type="hidden" value={invitationToken} {...form.register('clientInvitationToken')} />
          </>
        )}
        <FormError message={errors.clientInvitationToken?.message} />
        <fieldset hidden={Boolean(invited)}>
          <legend className="mb-2 text-sm font-medium text-slate-800">Your company is</legend>
          <div className="grid grid-cols-2 gap-2">
            {COMPANY_TYPE_CHOICES.map(([value, title, note]) => (
              <label
                key={value}
                className="flex cursor-pointer flex-col rounded-md border border-slate-300 p-3 has-[:checked]:border-emerald-700 has-[:checked]:bg-emerald-50"
              >
                <span className="flex items-center gap-2 font-medium">
                  <input type="radio" value={value} {...form.register('companyType')} />
                  {title}
                </span>
                <span className="text-xs text-slate-600">{note}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <FormError message={errors.root?.server?.message ?? errors.companyType?.message} />
        <TextField label="Company name" autoComplete="organization" required error={errors.companyName?.message} {...form.register('companyName')} />
        <TextField label="Work email" type="email" autoComplete="email" required error={errors.email?.message} {...form.register('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          error={errors.password?.message}
          hint="At least 8 characters. A short sentence is easy to remember and hard to guess."
          {...form.register('password')}
        />
        {companyType === 'CATERING' ? (
          <TextField
            label="Daily capacity (meals per day)"
            type="number"
            inputMode="numeric"
            min={1}
            required
            error={errors.dailyCapacity?.message}
            {...form.register('dailyCapacity', { valueAsNumber: true })}
          />
        ) : (
          <WorkModeSelect error={errors.workMode?.message} {...form.register('workMode')} />
        )}
        <Controller
          control={form.control}
          name="timezone"
          render={({ field, fieldState }) => (
            <TimeZoneSelect value={field.value ?? 'UTC'} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        {companyType === 'CATERING' ? (
          <TextField
            label="Currency of your prices"
            maxLength={3}
            autoCapitalize="characters"
            required
            hint="Three-letter code, suggested from your time zone. Each contract keeps the currency it was created in."
            error={errors.currency?.message}
            {...form.register('currency')}
          />
        ) : null}
        <Button type="submit" pending={register.isPending || register.isSuccess} className="w-full">
          Create account
        </Button>
      </Form>
      <p className="mt-4 text-sm">
        Already have an account?{' '}
        <Link className="text-emerald-800 underline" href="/login">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
