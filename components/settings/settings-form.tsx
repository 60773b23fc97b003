'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, SelectField, TextField } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';
import { errorMessage, fieldErrors, formLevelError } from '@/lib/trpc-errors';
import { weekdayName } from '@/lib/dates';
import type { CompanyOutput } from '@/lib/schemas/company';
import { TimeZoneSelect } from './time-zone-select';

export function SettingsForm({ company, canEdit }: { company: CompanyOutput; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [timezone, setTimezone] = useState(company.timezone);
  const [officeDays, setOfficeDays] = useState(company.officeDays);
  const update = useMutation(
    trpc.company.update.mutationOptions({
      onSuccess: () => {
        toast.success('Company settings saved.');
        router.refresh();
      },
    }),
  );
  const saveDays = useMutation(
    trpc.company.setOfficeDays.mutationOptions({
      onSuccess: () => {
        toast.success('Office days saved.');
        router.refresh();
      },
      onError: (e) => toast.error(errorMessage(e)),
    }),
  );
  const errors = fieldErrors(update.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const capacity = form.get('dailyCapacity');
    update.mutate({
      name: String(form.get('name') ?? ''),
      timezone,
      currency: String(form.get('currency') ?? ''),
      ...(company.companyType === 'CATERING'
        ? { dailyCapacity: capacity === '' ? Number.NaN : Number(capacity) }
        : { workMode: form.get('workMode') as CompanyOutput['workMode'] & string }),
    });
  }

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Card title="Company">
        {!canEdit && <p className="mb-3 text-sm text-slate-600">Only an administrator can change these settings.</p>}
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <fieldset disabled={!canEdit} className="space-y-4">
            <FormError message={formLevelError(update.error)} />
            <TextField label="Company name" name="name" defaultValue={company.name} required error={errors.name} />
            <TimeZoneSelect value={timezone} onChange={setTimezone} error={errors.timezone} />
            <TextField
              label="Currency"
              name="currency"
              defaultValue={company.currency}
              maxLength={3}
              autoCapitalize="characters"
              hint="Three-letter code, e.g. EUR, PLN, USD. Prices and costs are shown in it."
              error={errors.currency}
            />
            {company.companyType === 'CATERING' ? (
              <TextField
                label="Daily capacity (meals per day)"
                name="dailyCapacity"
                type="number"
                inputMode="numeric"
                min={1}
                defaultValue={company.dailyCapacity ?? ''}
                error={errors.dailyCapacity}
              />
            ) : (
              <SelectField label="How your team works" name="workMode" defaultValue={company.workMode ?? 'ONSITE'} error={errors.workMode}>
                <option value="ONSITE">On site</option>
                <option value="HYBRID">Hybrid</option>
                <option value="REMOTE">Mostly remote</option>
              </SelectField>
            )}
            {canEdit && (
              <Button type="submit" pending={update.isPending}>
                Save company settings
              </Button>
            )}
          </fieldset>
        </form>
      </Card>
      {company.companyType === 'CLIENT' && (
        <Card title="Office days">
          <p className="mb-3 text-sm text-slate-600">Meals are only planned on days your office is open.</p>
          <fieldset disabled={!canEdit}>
            <legend className="sr-only">Days the office is open</legend>
            <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
              {officeDays.map((day) => (
                <li key={day.dayOfWeek}>
                  <label className="flex min-h-10 items-center gap-3 rounded-md border border-slate-200 px-3 py-2 text-sm">
                    <input
                      type="checkbox"
                      checked={day.isWorkDay}
                      onChange={(e) =>
                        setOfficeDays((days) =>
                          days.map((d) => (d.dayOfWeek === day.dayOfWeek ? { ...d, isWorkDay: e.target.checked } : d)),
                        )
                      }
                    />
                    {weekdayName(day.dayOfWeek)}
                  </label>
                </li>
              ))}
            </ul>
            {canEdit && (
              <Button className="mt-4" pending={saveDays.isPending} onClick={() => saveDays.mutate({ days: officeDays })}>
                Save office days
              </Button>
            )}
          </fieldset>
        </Card>
      )}
    </div>
  );
}
