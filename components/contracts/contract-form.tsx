'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { toast } from '@/lib/toast';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, SelectField, TextField } from '@/components/ui/field';
import { MoneyField } from '@/components/ui/money-field';
import { formatWeekdayList } from '@/lib/format';
import {
  DEFAULT_DELIVERY_TIME,
  DEFAULT_NOTICE_HOURS,
  MAX_NOTICE_BUSINESS_DAYS,
  MAX_NOTICE_HOURS,
  MIN_NOTICE_BUSINESS_DAYS,
  PROPOSED_NOTICE,
} from '@/lib/limits';
import type { ContractOutput, UpdateContractInput } from '@/lib/schemas/contract';
import { useTRPC } from '@/lib/trpc';
import { TimeZoneSelect } from '@/components/settings/time-zone-select';
import { WeekdayPicker } from './weekday-picker';
import { DietCountFields, DietOptionsPicker } from '@/components/diets/diet-count-fields';
import { offeredOnly, type DietCounts } from '@/lib/diets';
import { DIETS, type Diet } from '@/lib/enums';

type Counterparty = { id: string; name: string; email: string };
type Props =
  | { mode: 'create'; currency: string; timeZone: string; counterparties?: Counterparty[] }
  | { mode: 'edit'; currency: string; contract: ContractOutput };

const FIELDS = [
  'clientEmail',
  'minDailyQuantity',
  'defaultQuantity',
  'maxQuantity',
  'noticeHours',
  'noticeMode',
  'noticeBusinessDays',
  'cutoffTime',
  'startDate',
  'endDate',
  'serviceDays',
  'pricePerMealCents',
  'priceEffectiveFrom',
  'poNumber',
  'costCenter',
  'deliveryTime',
  'dietOptions',
  'defaultDiets',
  'inviteClient.companyName',
  'inviteClient.timezone',
] as const;

/** A refusal that means "no client company uses this email" (the form then offers an invitation). */
function isUnknownClient(error: unknown): boolean {
  const e = error as { data?: { code?: string }; message?: string };
  return e?.data?.code === 'NOT_FOUND';
}

/** Create or edit a contract's terms, validated by the procedure's schema; errors show beside their field. */
export function ContractForm(props: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const existing = props.mode === 'edit' ? props.contract : undefined;
  // Edit sends the same terms with the contract's id instead of the client's email; both
  // schemas share the terms' fields and rules, so one form serves both.
  const schema = async () => {
    const { createContractInput, updateContractInput } = await import('@/lib/schemas/contract');
    return (existing ? updateContractInput : createContractInput) as unknown as z.ZodType<
      z.output<typeof createContractInput> & { id?: string; priceEffectiveFrom?: string },
      z.input<typeof createContractInput> & { id?: string; priceEffectiveFrom?: string }
    >;
  };
  const form = useSchemaForm(schema, {
    defaultValues: existing
      ? { id: existing.id, ...pickTerms(existing), poNumber: existing.poNumber ?? '', costCenter: existing.costCenter ?? '' }
      : {
          clientEmail: '',
          minDailyQuantity: 10,
          defaultQuantity: 20,
          maxQuantity: 30,
          noticeHours: DEFAULT_NOTICE_HOURS,
          ...PROPOSED_NOTICE,
          serviceDays: [1, 2, 3, 4, 5],
          deliveryTime: DEFAULT_DELIVERY_TIME,
          dietOptions: [],
          defaultDiets: {},
        },
  });
  const { errors } = form.formState;
  const noticeMode = useWatch({ control: form.control, name: 'noticeMode' });
  const serviceDays = useWatch({ control: form.control, name: 'serviceDays' }) ?? [];
  const dietOptions = (useWatch({ control: form.control, name: 'dietOptions' }) ?? []) as Diet[];
  const defaultQuantity = useWatch({ control: form.control, name: 'defaultQuantity' });
  const dietErrors = errors.defaultDiets as (Record<string, { message?: string }> & { message?: string }) | undefined;
  const price = useWatch({ control: form.control, name: 'pricePerMealCents' });
  // A new price takes effect on a date; until it is changed there is no date to ask for.
  const priceChanged = existing !== undefined && price !== existing.pricePerMealCents;
  // Honest terms: weekdays the client's office is closed are never planned.
  const skipped = existing ? serviceDays.filter((d) => existing.clientClosedWeekdays.includes(d)) : [];
  // The client is not on ChefOps: offer to send the proposal with an invitation to register.
  const [offerInvite, setOfferInvite] = useState(false);
  const [inviting, setInviting] = useState(false);
  const counterparties = props.mode === 'create' ? (props.counterparties ?? []) : [];
  const onSuccess = (contract: { id: string }) => {
    toast.success(
      existing
        ? 'Contract updated.'
        : inviting
          ? 'Proposal sent with an invitation: the client can register from the link for 7 days.'
          : 'Proposal sent. Service days are planned once the client accepts it.',
    );
    router.push(`/contracts/${contract.id}`);
    router.refresh();
  };
  const onError = (error: unknown) => {
    if (!existing && !inviting && isUnknownClient(error)) setOfferInvite(true);
    showServerErrors(form, error, FIELDS);
  };
  const create = useMutation(trpc.contract.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.contract.update.mutationOptions({ onSuccess, onError }));
  const mutation = existing ? update : create;
  const onSubmit = form.handleSubmit((input) => {
    if (!existing) return create.mutate(input);
    const { pricePerMealCents, priceEffectiveFrom, ...rest } = input as unknown as UpdateContractInput;
    // An unchanged price is not sent: saving other terms never moves the price periods.
    update.mutate(priceChanged ? { ...rest, pricePerMealCents, priceEffectiveFrom: priceEffectiveFrom || undefined } : rest);
  });
  const number = { valueAsNumber: true } as const;

  return (
    <Card>
      <Form onSubmit={onSubmit} className="space-y-5">
        <FormError message={errors.root?.server?.message} />
        {existing ? (
          <p className="text-sm text-slate-700">
            Client: <strong>{existing.clientName}</strong> ({existing.clientEmail})
          </p>
        ) : (
          <div className="space-y-3">
            {counterparties.length > 0 && (
              <SelectField
                label="A client you work with (optional)"
                defaultValue=""
                onChange={(event) => {
                  const picked = counterparties.find((c) => c.id === event.target.value);
                  if (picked) form.setValue('clientEmail', picked.email, { shouldValidate: true });
                }}
              >
                <option value="">Choose a client…</option>
                {counterparties.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.email})
                  </option>
                ))}
              </SelectField>
            )}
            <TextField
              label="Client email"
              type="email"
              required
              hint="The client company's email on ChefOps, or one of its administrators'."
              error={errors.clientEmail?.message}
              {...form.register('clientEmail', { onChange: () => setOfferInvite(false) })}
            />
            {offerInvite && !inviting && (
              <div role="group" aria-label="Invite this client" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950">
                <p>Not on ChefOps yet? Send the proposal with an invitation: the client gets the terms and a link to register (valid 7 days).</p>
                <Button className="mt-2" variant="secondary" onClick={() => { setInviting(true); form.clearErrors('clientEmail'); }}>
                  Invite this client
                </Button>
              </div>
            )}
            {inviting && (
              <div className="space-y-2 rounded-md border border-sky-300 bg-sky-50 p-3">
                <TextField
                  label="Client's company name"
                  hint="Shown in the invitation; the client can correct it when registering."
                  error={errors.inviteClient?.companyName?.message}
                  {...form.register('inviteClient.companyName')}
                />
                <Controller
                  control={form.control}
                  name="inviteClient.timezone"
                  // The office is most often in the caterer's own zone; the caterer can change it.
                  defaultValue={props.mode === 'create' ? props.timeZone : undefined}
                  render={({ field, fieldState }) => (
                    <TimeZoneSelect
                      label="Client office's time zone"
                      hint="The delivery time and meal-count deadlines run on this zone, and the invitation is worded in it."
                      value={field.value ?? 'UTC'}
                      onChange={field.onChange}
                      error={fieldState.error?.message}
                    />
                  )}
                />
                <Button
                  variant="ghost"
                  onClick={() => {
                    setInviting(false);
                    form.unregister('inviteClient');
                  }}
                >
                  Do not invite
                </Button>
              </div>
            )}
          </div>
        )}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <TextField label="Minimum meals per day" type="number" inputMode="numeric" min={1} error={errors.minDailyQuantity?.message} {...form.register('minDailyQuantity', number)} />
          <TextField label="Default meals per day" type="number" inputMode="numeric" min={1} error={errors.defaultQuantity?.message} {...form.register('defaultQuantity', number)} />
          <TextField label="Maximum meals per day" type="number" inputMode="numeric" min={1} error={errors.maxQuantity?.message} {...form.register('maxQuantity', number)} />
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField label="Start date" type="date" error={errors.startDate?.message} {...form.register('startDate')} />
          <TextField label="Last service date" type="date" error={errors.endDate?.message} {...form.register('endDate')} />
        </div>
        <Controller
          control={form.control}
          name="serviceDays"
          render={({ field, fieldState }) => <WeekdayPicker value={field.value ?? []} onChange={field.onChange} error={fieldState.error?.message} />}
        />
        {skipped.length > 0 && (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            The client&apos;s office is closed on {formatWeekdayList(skipped)}: no meals are planned on {skipped.length === 1 ? 'that day' : 'those days'}.
          </p>
        )}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Controller
            control={form.control}
            name="pricePerMealCents"
            render={({ field, fieldState }) => (
              <MoneyField
                label={`Price per meal (${props.currency})`}
                placeholder="12.50"
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          {priceChanged && (
            <TextField
              label="New price starts on"
              type="date"
              hint="Days before this date keep their price. Empty: from today (client's date)."
              error={errors.priceEffectiveFrom?.message}
              {...form.register('priceEffectiveFrom', { setValueAs: (v: string) => v || undefined })}
            />
          )}
          <TextField label="Delivery time (client's time)" type="time" error={errors.deliveryTime?.message} {...form.register('deliveryTime')} />
        </div>
        <Controller
          control={form.control}
          name="dietOptions"
          render={({ field, fieldState }) => (
            <DietOptionsPicker
              all={DIETS}
              value={(field.value ?? []) as Diet[]}
              onChange={(next) => {
                field.onChange(next);
                // A diet no longer offered has no default meals.
                form.setValue('defaultDiets', offeredOnly((form.getValues('defaultDiets') ?? {}) as DietCounts, next));
              }}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="defaultDiets"
          render={({ field }) => (
            <DietCountFields
              legend="Of the default meals, special diets"
              diets={dietOptions}
              value={field.value as DietCounts | undefined}
              onChange={field.onChange}
              quantity={defaultQuantity}
              errors={Object.fromEntries(dietOptions.map((d) => [d, dietErrors?.[d]?.message]))}
              error={dietErrors?.message}
            />
          )}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField label="Client's PO number (optional)" maxLength={100} hint="Printed on statements." error={errors.poNumber?.message} {...form.register('poNumber')} />
          <TextField label="Client's cost center (optional)" maxLength={100} error={errors.costCenter?.message} {...form.register('costCenter')} />
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <SelectField label="Notice counted in" error={errors.noticeMode?.message} {...form.register('noticeMode')}>
            <option value="BUSINESS_DAYS">Business days, with a cutoff time</option>
            <option value="HOURS">Hours before delivery</option>
          </SelectField>
          {noticeMode === 'HOURS' ? (
            <TextField
              label="Notice (hours before delivery)"
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_NOTICE_HOURS}
              hint="The client confirms quantities until this many hours before delivery."
              error={errors.noticeHours?.message}
              {...form.register('noticeHours', number)}
            />
          ) : (
            <>
              <TextField
                label="Notice (business days before)"
                type="number"
                inputMode="numeric"
                min={MIN_NOTICE_BUSINESS_DAYS}
                max={MAX_NOTICE_BUSINESS_DAYS}
                hint="Weekdays the client's office is open; closures and public holidays do not count."
                error={errors.noticeBusinessDays?.message}
                {...form.register('noticeBusinessDays', number)}
              />
              <TextField
                label="Cutoff time (client's time)"
                type="time"
                hint="Quantities can be changed until this time on that day."
                error={errors.cutoffTime?.message}
                {...form.register('cutoffTime')}
              />
            </>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" pending={mutation.isPending}>
            {existing ? 'Save changes' : inviting ? 'Send proposal and invitation' : 'Send proposal'}
          </Button>
          <Button variant="secondary" onClick={() => router.back()}>
            Cancel
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function pickTerms(c: ContractOutput) {
  const { minDailyQuantity, defaultQuantity, maxQuantity, noticeHours, noticeMode, noticeBusinessDays, cutoffTime } = c;
  const { startDate, endDate, serviceDays, pricePerMealCents, deliveryTime, dietOptions, defaultDiets } = c;
  return { minDailyQuantity, defaultQuantity, maxQuantity, noticeHours, noticeMode, noticeBusinessDays, cutoffTime, startDate, endDate, serviceDays, pricePerMealCents, deliveryTime, dietOptions, defaultDiets };
}
