'use client';
import type { FormEventHandler, ReactNode } from 'react';
import { Form } from '@/components/forms/form';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';

/** A small form opened inside a row (dispute, resolve): fields, submit and cancel. */
export function InlinePanelForm({
  onSubmit,
  error,
  pending,
  submitLabel,
  onCancel,
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The form-level message (field errors show beside their fields). */
  error: string | undefined;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Form className="mt-2 space-y-2" onSubmit={onSubmit}>
      <FormError message={error} />
      {children}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
