'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from '@/lib/toast';
import { Form } from '@/components/forms/form';
import { showServerErrors, useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError, TextAreaField, TextField } from '@/components/ui/field';
import {
  DELIVERY_DETAIL_FIELDS,
  MAX_DELIVERY_ADDRESS_LENGTH,
  MAX_DELIVERY_INSTRUCTIONS_LENGTH,
  MAX_SITE_CONTACT_NAME_LENGTH,
  MAX_SITE_CONTACT_PHONE_LENGTH,
} from '@/lib/limits';
import type { DeliveryDetailsOutput } from '@/lib/schemas/company';
import { useTRPC } from '@/lib/trpc';

/** A client's delivery details (company.update): what the caterer's driver and production sheet show. */
export function DeliveryDetailsForm({ delivery, canEdit }: { delivery: DeliveryDetailsOutput; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useSchemaForm(async () => (await import('@/lib/schemas/company')).updateCompanyInput, {
    defaultValues: {
      deliveryAddress: delivery.deliveryAddress ?? '',
      deliveryInstructions: delivery.deliveryInstructions ?? '',
      siteContactName: delivery.siteContactName ?? '',
      siteContactPhone: delivery.siteContactPhone ?? '',
    },
  });
  const { errors } = form.formState;
  const update = useMutation(
    trpc.company.update.mutationOptions({
      onSuccess: () => {
        toast.success('Delivery details saved.');
        router.refresh();
      },
      onError: (error) => showServerErrors(form, error, DELIVERY_DETAIL_FIELDS),
    }),
  );
  return (
    <Card title="Delivery">
      <p className="mb-3 text-sm text-slate-600">Your caterer sees these on your contract and on its production sheet.</p>
      <Form onSubmit={form.handleSubmit((input) => update.mutate(input))} className="space-y-4" aria-label="Delivery details">
        <fieldset disabled={!canEdit} className="space-y-4">
          <FormError message={errors.root?.server?.message} />
          <TextAreaField
            label="Delivery address"
            rows={2}
            maxLength={MAX_DELIVERY_ADDRESS_LENGTH}
            error={errors.deliveryAddress?.message}
            {...form.register('deliveryAddress')}
          />
          <TextAreaField
            label="Delivery instructions"
            maxLength={MAX_DELIVERY_INSTRUCTIONS_LENGTH}
            hint="Entrance, floor, where to leave the boxes, access codes."
            error={errors.deliveryInstructions?.message}
            {...form.register('deliveryInstructions')}
          />
          <TextField
            label="On-site contact"
            maxLength={MAX_SITE_CONTACT_NAME_LENGTH}
            autoComplete="name"
            error={errors.siteContactName?.message}
            {...form.register('siteContactName')}
          />
          <TextField
            label="On-site contact’s phone"
            type="tel"
            inputMode="tel"
            maxLength={MAX_SITE_CONTACT_PHONE_LENGTH}
            autoComplete="tel"
            error={errors.siteContactPhone?.message}
            {...form.register('siteContactPhone')}
          />
          {canEdit && (
            <Button type="submit" pending={update.isPending}>
              Save delivery details
            </Button>
          )}
        </fieldset>
      </Form>
    </Card>
  );
}
