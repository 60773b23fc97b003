'use client';
import type { FormEvent, ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { formLevelError } from '@/lib/trpc-errors';

/** A small form opened inside a row (dispute, resolve): fields, submit and cancel. */
export function InlinePanelForm({
  onSubmit,
  error,
  pending,
  submitLabel,
  onCancel,
  children,
}: {
  onSubmit: (form: FormData) => void;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        onSubmit(new FormData(e.currentTarget));
      }}
    >
      <FormError message={formLevelError(error)} />
      {children}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
