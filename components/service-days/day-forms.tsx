'use client';
import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Controller, useWatch } from 'react-hook-form';
import { DietCountFields } from '@/components/diets/diet-count-fields';
import type { DietCounts } from '@/lib/diets';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { FormError, TextField } from '@/components/ui/field';
import { MAX_TEXT_LENGTH } from '@/lib/limits';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';
import { describeServedOutlier, servedCountOutlier } from '@/lib/served-count';
import { useTRPC } from '@/lib/trpc';
import { InlinePanelForm } from './inline-panel-form';

// The forms of one service day row, each on its procedure's input schema.

type DayFormProps = { day: ServiceDayOutput; label: string; onDone: (message: string) => void };
const number = { valueAsNumber: true } as const;

/** What the client has typed for a day: "Confirm week" sends it. */
export type TypedExpected = { quantity: number; diets: DietCounts };

/**
 * The count a day's form (and "Confirm week") starts from: the suggestion from recent served
 * counts for a day nobody has confirmed yet, else the day's own count.
 */
export function initialQuantity(day: ServiceDayOutput): number {
  const unconfirmed = day.status === 'PENDING' && day.expectedQuantityConfirmedAt === null;
  return unconfirmed && day.suggestedQuantity !== null ? day.suggestedQuantity : day.expectedQuantity;
}

/** The split a day's form starts from: last week's for a day not confirmed yet, else its own. */
export function initialDiets(day: ServiceDayOutput): DietCounts {
  return day.suggestedDiets ?? day.diets;
}

/**
 * The client's headcount and, when the contract offers diets, its split (the rest standard).
 * The typed values are also reported up, for "Confirm week".
 */
export function ExpectedQuantityForm({ day, label, onDone, onTyped }: DayFormProps & { onTyped: (value: TypedExpected) => void }) {
  const trpc = useTRPC();
  // The procedure's schema, plus the diets this contract offers (the server checks it too).
  const schema = async () => {
    const [{ confirmExpectedInput }, { checkDietSplit }] = await Promise.all([import('@/lib/schemas/service-day'), import('@/lib/schemas/diets')]);
    return confirmExpectedInput.superRefine((item, ctx) =>
      checkDietSplit(ctx, 'diets', { diets: item.diets, offered: day.dietOptions, quantity: item.quantity }),
    );
  };
  const form = useSchemaForm(schema, {
    defaultValues: { id: day.id, quantity: initialQuantity(day), diets: initialDiets(day) },
  });
  const { errors } = form.formState;
  const quantity = useWatch({ control: form.control, name: 'quantity' });
  const reportTyped = useRef(onTyped);
  useEffect(() => {
    reportTyped.current = onTyped;
  });
  useEffect(() => {
    const subscription = form.watch((values) =>
      reportTyped.current({ quantity: Number(values.quantity), diets: (values.diets ?? {}) as DietCounts }),
    );
    return () => subscription.unsubscribe();
  }, [form]);
  const confirm = useMutation(
    trpc.serviceDay.confirmExpected.mutationOptions({
      onSuccess: () => onDone('Quantity confirmed.'),
      onError: (error) => showServerErrors(form, error, ['quantity', 'diets', ...day.dietOptions.map((d) => `diets.${d}` as const)]),
    }),
  );
  const dietErrors = errors.diets as (Record<string, { message?: string }> & { message?: string }) | undefined;
  return (
    <Form className="w-full" onSubmit={form.handleSubmit((input) => confirm.mutate(input))}>
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label={`Meals on ${label}`}
          type="number"
          inputMode="numeric"
          min={day.minDailyQuantity}
          max={day.maxQuantity}
          className="w-36"
          hint={`${day.minDailyQuantity}–${day.maxQuantity}`}
          error={errors.quantity?.message}
          {...form.register('quantity', number)}
        />
        <Button type="submit" variant="secondary" pending={confirm.isPending}>
          Confirm
        </Button>
      </div>
      {day.suggestedQuantity !== null && day.suggestedQuantityReason && (
        <p className="mt-1 text-xs text-slate-600" data-testid="suggested-quantity">
          Suggested: {day.suggestedQuantity} meals. {day.suggestedQuantityReason}
        </p>
      )}
      {day.dietOptions.length > 0 && (
        <div className="mt-2">
          <Controller
            control={form.control}
            name="diets"
            render={({ field }) => (
              <DietCountFields
                diets={day.dietOptions}
                value={field.value as DietCounts | undefined}
                onChange={field.onChange}
                quantity={quantity}
                errors={Object.fromEntries(day.dietOptions.map((d) => [d, dietErrors?.[d]?.message]))}
                error={dietErrors?.message}
              />
            )}
          />
          {day.suggestedDiets && day.status === 'PENDING' && (
            <p className="mt-1 text-xs text-slate-600">Diets filled in from the same day last week.</p>
          )}
        </div>
      )}
      <FormError message={errors.root?.server?.message} />
    </Form>
  );
}

/**
 * The caterer's served count, on or after the day. A count that looks like a typo (above the
 * contract's maximum, under half the expected) is sent only after "Save anyway?".
 */
export function ServedQuantityForm({ day, label, onDone }: DayFormProps) {
  const trpc = useTRPC();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/service-day')).confirmServedInput, {
    defaultValues: { id: day.id, quantity: day.servedQuantity ?? day.expectedQuantity },
  });
  const { errors } = form.formState;
  // The count the warning is about; typing another count asks again.
  const [warned, setWarned] = useState<number | null>(null);
  const confirm = useMutation(
    trpc.serviceDay.confirmServed.mutationOptions({
      onSuccess: () => onDone('Served quantity saved.'),
      onError: (error) => showServerErrors(form, error, ['quantity']),
    }),
  );
  const typed = useWatch({ control: form.control, name: 'quantity' });
  const outlier = Number.isInteger(typed)
    ? servedCountOutlier({ quantity: typed, expectedQuantity: day.expectedQuantity, maxQuantity: day.maxQuantity })
    : null;
  const asking = outlier !== null && warned === typed;
  const submit = form.handleSubmit((input) => {
    if (outlier && warned !== input.quantity) return setWarned(input.quantity);
    confirm.mutate({ id: input.id, quantity: input.quantity, ...(outlier ? { confirmOutlier: true } : {}) });
  });
  return (
    <Form className="mt-2" onSubmit={submit}>
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label={`Meals served on ${label}`}
          type="number"
          inputMode="numeric"
          min={0}
          className="w-40"
          error={errors.quantity?.message}
          {...form.register('quantity', number)}
        />
        {!asking && (
          <Button type="submit" pending={confirm.isPending}>
            Confirm served
          </Button>
        )}
      </div>
      {asking && (
        <div role="alertdialog" aria-label="Unusual served count" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          <p>{describeServedOutlier(typed, outlier)} Save anyway?</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button type="submit" pending={confirm.isPending}>
              Save {typed} anyway
            </Button>
            <Button variant="ghost" onClick={() => setWarned(null)}>
              Change the count
            </Button>
          </div>
        </div>
      )}
      <FormError message={errors.root?.server?.message} />
    </Form>
  );
}

/** The caterer corrects its own served count within 24 hours, saying why. */
export function CorrectServedForm({ day, onDone, onCancel }: PanelProps) {
  const trpc = useTRPC();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/service-day')).correctServedInput, {
    defaultValues: { id: day.id, quantity: day.servedQuantity ?? undefined, note: '' },
  });
  const { errors } = form.formState;
  const correct = useMutation(
    trpc.serviceDay.correctServed.mutationOptions({
      onSuccess: () => onDone('Served count corrected; the client is told.'),
      onError: (error) => showServerErrors(form, error, ['quantity', 'note']),
    }),
  );
  return (
    <InlinePanelForm
      onSubmit={form.handleSubmit((input) => correct.mutate(input))}
      error={errors.root?.server?.message}
      pending={correct.isPending}
      submitLabel="Save correction"
      onCancel={onCancel}
    >
      <TextField
        label="Correct served count"
        type="number"
        inputMode="numeric"
        min={0}
        error={errors.quantity?.message}
        {...form.register('quantity', number)}
      />
      <TextField label="Why it changes" maxLength={MAX_TEXT_LENGTH} error={errors.note?.message} {...form.register('note')} />
    </InlinePanelForm>
  );
}

type PanelProps = DayFormProps & { onCancel: () => void };

/** The client disputes a served count, with a reason. */
export function DisputeForm({ day, onDone, onCancel }: PanelProps) {
  const trpc = useTRPC();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/service-day')).disputeInput, { defaultValues: { id: day.id, reason: '' } });
  const { errors } = form.formState;
  const dispute = useMutation(
    trpc.serviceDay.dispute.mutationOptions({
      onSuccess: () => onDone('Dispute sent to the caterer.'),
      onError: (error) => showServerErrors(form, error, ['reason']),
    }),
  );
  return (
    <InlinePanelForm
      onSubmit={form.handleSubmit((input) => dispute.mutate(input))}
      error={errors.root?.server?.message}
      pending={dispute.isPending}
      submitLabel="Send dispute"
      onCancel={onCancel}
    >
      <TextField label="What was wrong?" maxLength={MAX_TEXT_LENGTH} error={errors.reason?.message} {...form.register('reason')} />
    </InlinePanelForm>
  );
}

/** The caterer settles a dispute with the corrected count and a note. */
export function ResolveDisputeForm({ day, onDone, onCancel }: PanelProps) {
  const trpc = useTRPC();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/service-day')).resolveDisputeInput, {
    defaultValues: { id: day.id, servedQuantity: day.servedQuantity ?? undefined, note: '' },
  });
  const { errors } = form.formState;
  const resolve = useMutation(
    trpc.serviceDay.resolveDispute.mutationOptions({
      onSuccess: () => onDone('Dispute resolved.'),
      onError: (error) => showServerErrors(form, error, ['servedQuantity', 'note']),
    }),
  );
  return (
    <InlinePanelForm
      onSubmit={form.handleSubmit((input) => resolve.mutate(input))}
      error={errors.root?.server?.message}
      pending={resolve.isPending}
      submitLabel="Save resolution"
      onCancel={onCancel}
    >
      <TextField
        label="Corrected served quantity"
        type="number"
        inputMode="numeric"
        min={0}
        error={errors.servedQuantity?.message}
        {...form.register('servedQuantity', number)}
      />
      <TextField label="Note to the client" maxLength={MAX_TEXT_LENGTH} error={errors.note?.message} {...form.register('note')} />
    </InlinePanelForm>
  );
}

/** After the deadline, until delivery: the client asks the caterer for another count. */
export function RequestChangeForm({ day, onDone, onCancel }: PanelProps) {
  const trpc = useTRPC();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/service-day')).requestChangeInput, { defaultValues: { id: day.id, quantity: day.expectedQuantity, reason: '' } });
  const { errors } = form.formState;
  const request = useMutation(
    trpc.serviceDay.requestChange.mutationOptions({
      onSuccess: () => onDone('Change requested: the caterer is told and answers before delivery.'),
      onError: (error) => showServerErrors(form, error, ['quantity', 'reason']),
    }),
  );
  return (
    <InlinePanelForm
      onSubmit={form.handleSubmit((input) => request.mutate(input))}
      error={errors.root?.server?.message}
      pending={request.isPending}
      submitLabel="Ask the caterer"
      onCancel={onCancel}
    >
      <TextField
        label="New meal count"
        type="number"
        inputMode="numeric"
        min={day.minDailyQuantity}
        max={day.maxQuantity}
        error={errors.quantity?.message}
        {...form.register('quantity', number)}
      />
      <TextField label="Why it changes" maxLength={MAX_TEXT_LENGTH} error={errors.reason?.message} {...form.register('reason')} />
    </InlinePanelForm>
  );
}

/** The caterer accepts (count applied, capacity permitting) or declines a day's change request. */
export function AnswerChangeForm({ day, onDone, onCancel }: PanelProps) {
  const trpc = useTRPC();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/service-day')).answerChangeInput, { defaultValues: { id: day.id, accept: true, note: '' } });
  const { errors } = form.formState;
  const answer = useMutation(
    trpc.serviceDay.answerChange.mutationOptions({
      onSuccess: (_day, input) => onDone(input.accept ? 'Change accepted.' : 'Change declined.'),
      onError: (error) => showServerErrors(form, error, ['note']),
    }),
  );
  const send = (accept: boolean) => form.handleSubmit((input) => answer.mutate({ ...input, accept, note: input.note || undefined }))();
  return (
    <div className="mt-2 space-y-2">
      <FormError message={errors.root?.server?.message} />
      <TextField label="Note for the client (optional)" maxLength={MAX_TEXT_LENGTH} error={errors.note?.message} {...form.register('note')} />
      <div className="flex flex-wrap gap-2">
        <Button pending={answer.isPending} onClick={() => send(true)}>
          Accept {day.changeRequest?.quantity} meals
        </Button>
        <Button variant="secondary" onClick={() => send(false)}>
          Decline the change
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
