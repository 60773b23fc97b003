'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, TextField } from '@/components/ui/field';
import { useTRPC } from '@/lib/trpc';
import { errorMessage } from '@/lib/trpc-errors';
import { weekdayName } from '@/lib/dates';
import type { CompanyOutput } from '@/lib/schemas/company';
import { HolidayCountrySelect } from './holiday-country-select';
import { TimeZoneSelect } from './time-zone-select';
import { WorkModeSelect } from './work-mode-select';
import { DEFAULT_STATEMENT_PREFIX } from '@/lib/limits';

export function SettingsForm({ company, canEdit }: { company: CompanyOutput; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const isCaterer = company.companyType === 'CATERING';
  const form = useSchemaForm(async () => (await import('@/lib/schemas/company')).updateCompanyInput, {
    defaultValues: {
      name: company.name,
      timezone: company.timezone,
      currency: company.currency,
      holidayCountry: company.holidayCountry,
      ...(isCaterer
        ? { vatRateBasisPoints: company.vatRateBasisPoints ?? 0, statementPrefix: company.statementPrefix ?? DEFAULT_STATEMENT_PREFIX }
        : {}),
      ...(isCaterer ? { dailyCapacity: company.dailyCapacity ?? undefined } : { workMode: company.workMode ?? undefined }),
    },
  });
  const { errors } = form.formState;
  const [officeDays, setOfficeDays] = useState(company.officeDays);
  const update = useMutation(
    trpc.company.update.mutationOptions({
      onSuccess: () => {
        toast.success('Company settings saved.');
        router.refresh();
      },
      onError: (error) => showServerErrors(form, error, ['name', 'timezone', 'currency', 'dailyCapacity', 'workMode', 'holidayCountry', 'vatRateBasisPoints', 'statementPrefix']),
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
  const onSubmit = form.handleSubmit((input) => update.mutate(input));

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Card title="Company">
        {!canEdit && <p className="mb-3 text-sm text-slate-600">Only an administrator can change these settings.</p>}
        <Form onSubmit={onSubmit} className="space-y-4">
          <fieldset disabled={!canEdit} className="space-y-4">
            <FormError message={errors.root?.server?.message} />
            <TextField label="Company name" required error={errors.name?.message} {...form.register('name')} />
            <Controller
              control={form.control}
              name="timezone"
              render={({ field, fieldState }) => (
                <TimeZoneSelect value={field.value ?? company.timezone} onChange={field.onChange} error={fieldState.error?.message} />
              )}
            />
            <Controller
              control={form.control}
              name="holidayCountry"
              render={({ field, fieldState }) => (
                <HolidayCountrySelect value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} disabled={!canEdit} />
              )}
            />
            <TextField
              label="Currency"
              maxLength={3}
              autoCapitalize="characters"
              hint="Three-letter code, e.g. EUR, PLN, USD. Applies to new contracts only: each contract keeps the currency it was created in."
              error={errors.currency?.message}
              {...form.register('currency')}
            />
            {isCaterer ? (
              <TextField
                label="Daily capacity (meals per day)"
                type="number"
                inputMode="numeric"
                min={1}
                error={errors.dailyCapacity?.message}
                {...form.register('dailyCapacity', { valueAsNumber: true })}
              />
            ) : (
              <WorkModeSelect error={errors.workMode?.message} {...form.register('workMode')} />
            )}
            {isCaterer && (
              <>
                <TextField
                  label="VAT on statements (basis points)"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={10000}
                  hint="800 = 8 %, 2300 = 23 %. Issued statements keep the rate they were issued with."
                  error={errors.vatRateBasisPoints?.message}
                  {...form.register('vatRateBasisPoints', { valueAsNumber: true })}
                />
                <TextField
                  label="Statement number prefix"
                  maxLength={10}
                  autoCapitalize="characters"
                  hint="Numbers read PREFIX-YEAR-0001, e.g. FV-2026-0001."
                  error={errors.statementPrefix?.message}
                  {...form.register('statementPrefix')}
                />
              </>
            )}
            {canEdit && (
              <Button type="submit" pending={update.isPending}>
                Save company settings
              </Button>
            )}
          </fieldset>
        </Form>
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
