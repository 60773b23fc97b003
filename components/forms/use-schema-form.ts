'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage, fieldErrors } from '@/lib/trpc-errors';

/**
 * A react-hook-form form validated by a procedure's own zod schema (from lib/schemas), so the
 * browser runs the very rules the server runs. Errors show after a field is left or on submit.
 */
export function useSchemaForm<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema,
  options: Omit<UseFormProps<z.input<Schema>, unknown, z.output<Schema>>, 'resolver'> = {},
): UseFormReturn<z.input<Schema>, unknown, z.output<Schema>> {
  return useForm<z.input<Schema>, unknown, z.output<Schema>>({ mode: 'onTouched', ...options, resolver: zodResolver(schema) });
}

/**
 * Puts a server error where a person looks for it: each field error (the server's zod issue
 * paths or a domain error's field) beside the field it names, anything else above the form
 * (`errors.root.server`, cleared on the next submit).
 */
export function showServerErrors<Values extends FieldValues>(
  form: Pick<UseFormReturn<Values>, 'setError'>,
  error: unknown,
  fields: readonly Path<Values>[],
): void {
  const byField = Object.entries(fieldErrors(error));
  let unplaced = byField.length === 0 ? errorMessage(error) : undefined;
  for (const [path, message] of byField) {
    if ((fields as readonly string[]).includes(path)) form.setError(path as Path<Values>, { type: 'server', message });
    else unplaced ??= message;
  }
  if (unplaced !== undefined) form.setError('root.server', { type: 'server', message: unplaced });
}
