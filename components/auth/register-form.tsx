'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, SelectField, TextField } from '@/components/ui/field';
import { browserTimeZone } from '@/components/settings/time-zones';
import { TimeZoneSelect } from '@/components/settings/time-zone-select';
import { useTRPC } from '@/lib/trpc';
import { fieldErrors, formLevelError } from '@/lib/trpc-errors';
import { useIsClient } from '@/lib/use-is-client';

export function RegisterForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [companyType, setCompanyType] = useState<'CATERING' | 'CLIENT'>('CATERING');
  // Until the user picks one, suggest the browser's own zone (known only after hydration).
  const [pickedZone, setTimezone] = useState<string | null>(null);
  const isClient = useIsClient();
  const timezone = pickedZone ?? (isClient ? browserTimeZone() : 'UTC');
  const register = useMutation(trpc.auth.register.mutationOptions());
  const errors = fieldErrors(register.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const capacity = String(form.get('dailyCapacity') ?? '');
    try {
      await register.mutateAsync({
        companyType,
        companyName: String(form.get('companyName') ?? ''),
        email,
        password,
        timezone,
        ...(companyType === 'CATERING'
          ? { dailyCapacity: capacity === '' ? (undefined as never) : Number(capacity) }
          : { workMode: form.get('workMode') as 'ONSITE' }),
      });
    } catch {
      return; // shown inline from register.error
    }
    const result = await signIn('credentials', { email, password, redirect: false });
    router.replace(result?.ok ? '/dashboard' : '/login?registered=1');
    router.refresh();
  }

  return (
    <Card title={<span className="text-xl">Create your ChefOps account</span>}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">Your company is</legend>
          <div className="grid grid-cols-2 gap-2">
            {(
              [
                ['CATERING', 'A caterer', 'We cook and deliver'],
                ['CLIENT', 'A client', 'Our office orders meals'],
              ] as const
            ).map(([value, title, note]) => (
              <label
                key={value}
                className="flex cursor-pointer flex-col rounded-md border border-slate-300 p-3 has-[:checked]:border-emerald-700 has-[:checked]:bg-emerald-50"
              >
                <span className="flex items-center gap-2 font-medium">
                  <input
                    type="radio"
                    name="companyType"
                    value={value}
                    checked={companyType === value}
                    onChange={() => setCompanyType(value)}
                  />
                  {title}
                </span>
                <span className="text-xs text-slate-600">{note}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <FormError message={formLevelError(register.error)} />
        <TextField label="Company name" name="companyName" autoComplete="organization" required error={errors.companyName} />
        <TextField label="Work email" name="email" type="email" autoComplete="email" required error={errors.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          error={errors.password}
          hint="At least 8 characters. A short sentence is easy to remember and hard to guess."
        />
        {companyType === 'CATERING' ? (
          <TextField
            label="Daily capacity (meals per day)"
            name="dailyCapacity"
            type="number"
            inputMode="numeric"
            min={1}
            required
            error={errors.dailyCapacity}
          />
        ) : (
          <SelectField label="How your team works" name="workMode" defaultValue="ONSITE" error={errors.workMode}>
            <option value="ONSITE">On site</option>
            <option value="HYBRID">Hybrid</option>
            <option value="REMOTE">Mostly remote</option>
          </SelectField>
        )}
        <TimeZoneSelect value={timezone} onChange={setTimezone} error={errors.timezone} />
        <Button type="submit" pending={register.isPending} className="w-full">
          Create account
        </Button>
      </form>
      <p className="mt-4 text-sm">
        Already have an account?{' '}
        <Link className="text-emerald-800 underline" href="/login">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
