'use client';
import { useMutation } from '@tanstack/react-query';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { InlinePanelForm } from '@/components/service-days/inline-panel-form';
import { TextField } from '@/components/ui/field';
import { MAX_TEXT_LENGTH } from '@/lib/limits';
import { useTRPC } from '@/lib/trpc';

/** The client's ADMIN declines a proposal and tells the caterer why. */
export function DeclineForm({ id, onDone, onCancel }: { id: string; onDone: () => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/contract')).declineContractInput, { defaultValues: { id, reason: '' } });
  const { errors } = form.formState;
  const decline = useMutation(
    trpc.contract.decline.mutationOptions({ onSuccess: onDone, onError: (error) => showServerErrors(form, error, ['reason']) }),
  );
  return (
    <InlinePanelForm
      onSubmit={form.handleSubmit((input) => decline.mutate(input))}
      error={errors.root?.server?.message}
      pending={decline.isPending}
      submitLabel="Decline proposal"
      onCancel={onCancel}
    >
      <TextField label="Why do you decline? (the caterer reads this)" maxLength={MAX_TEXT_LENGTH} error={errors.reason?.message} {...form.register('reason')} />
    </InlinePanelForm>
  );
}
