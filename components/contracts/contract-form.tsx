'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, TextField } from '@/components/ui/field';
import { centsToMoneyInput, parseMoneyToCents } from '@/lib/money-input';
import { useTRPC } from '@/lib/trpc';
import { fieldErrors, formLevelError } from '@/lib/trpc-errors';
import type { ContractOutput } from '@/lib/schemas/contract';
import { WeekdayPicker } from './weekday-picker';

type Props = { mode: 'create'; currency: string } | { mode: 'edit'; currency: string; contract: ContractOutput };

const intOrNaN = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === '' ? Number.NaN : Number(v));

/** Create or edit a contract's terms. Errors from the server show next to their field. */
export function ContractForm(props: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const existing = props.mode === 'edit' ? props.contract : undefined;
  const [serviceDays, setServiceDays] = useState<number[]>(existing?.serviceDays ?? [1, 2, 3, 4, 5]);
  const onSuccess = (contract: { id: string }) => {
    toast.success(existing ? 'Contract updated.' : 'Contract created. Its service days are planned.');
    router.push(`/contracts/${contract.id}`);
    router.refresh();
  };
  const create = useMutation(trpc.contract.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.contract.update.mutationOptions({ onSuccess }));
  const mutation = existing ? update : create;
  const errors = fieldErrors(mutation.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const terms = {
      minDailyQuantity: intOrNaN(form.get('minDailyQuantity')),
      defaultQuantity: intOrNaN(form.get('defaultQuantity')),
      maxQuantity: intOrNaN(form.get('maxQuantity')),
      noticeHours: intOrNaN(form.get('noticeHours')),
      startDate: String(form.get('startDate') ?? ''),
      endDate: String(form.get('endDate') ?? ''),
      serviceDays,
      pricePerMealCents: parseMoneyToCents(String(form.get('price') ?? '')),
      deliveryTime: String(form.get('deliveryTime') ?? '12:00'),
    };
    if (existing) update.mutate({ id: existing.id, ...terms });
    else create.mutate({ clientEmail: String(form.get('clientEmail') ?? ''), ...terms });
  }

  return (
    <Card>
      <form onSubmit={onSubmit} className="space-y-5" noValidate>
        <FormError message={formLevelError(mutation.error)} />
        {existing ? (
          <p className="text-sm text-slate-700">
            Client: <strong>{existing.clientName}</strong> ({existing.clientEmail})
          </p>
        ) : (
          <TextField
            label="Client email"
            name="clientEmail"
            type="email"
            required
            hint="The email the client company registered with ChefOps."
            error={errors.clientEmail}
          />
        )}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <TextField label="Minimum meals per day" name="minDailyQuantity" type="number" inputMode="numeric" min={1} defaultValue={existing?.minDailyQuantity ?? 10} error={errors.minDailyQuantity} />
          <TextField label="Default meals per day" name="defaultQuantity" type="number" inputMode="numeric" min={1} defaultValue={existing?.defaultQuantity ?? 20} error={errors.defaultQuantity} />
          <TextField label="Maximum meals per day" name="maxQuantity" type="number" inputMode="numeric" min={1} defaultValue={existing?.maxQuantity ?? 30} error={errors.maxQuantity} />
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField label="Start date" name="startDate" type="date" defaultValue={existing?.startDate} error={errors.startDate} />
          <TextField label="Last service date" name="endDate" type="date" defaultValue={existing?.endDate} error={errors.endDate} />
        </div>
        <WeekdayPicker value={serviceDays} onChange={setServiceDays} error={errors.serviceDays} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <TextField
            label={`Price per meal (${props.currency})`}
            name="price"
            inputMode="decimal"
            defaultValue={existing ? centsToMoneyInput(existing.pricePerMealCents) : ''}
            placeholder="12.50"
            error={errors.pricePerMealCents}
          />
          <TextField label="Delivery time (client's time)" name="deliveryTime" type="time" defaultValue={existing?.deliveryTime ?? '12:00'} error={errors.deliveryTime} />
          <TextField
            label="Notice (hours before delivery)"
            name="noticeHours"
            type="number"
            inputMode="numeric"
            min={0}
            max={336}
            defaultValue={existing?.noticeHours ?? 24}
            hint="The client confirms quantities until this many hours before delivery."
            error={errors.noticeHours}
          />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" pending={mutation.isPending}>
            {existing ? 'Save changes' : 'Create contract'}
          </Button>
          <Button variant="secondary" onClick={() => router.back()}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
