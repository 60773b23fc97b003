'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldValues, type Path, type Resolver, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { prefetchWhenIdle } from '@/lib/prefetch-when-idle';
import { errorMessage, fieldErrors } from '@/lib/trpc-errors';

/**
 * Where a form's schema comes from: a dynamic import of its lib/schemas module, e.g.
 * `async () => (await import('@/lib/schemas/auth')).signInInput`. Forms never import zod (or a
 * schema module) statically: zod stays out of every page's first-load JavaScript and arrives
 * when the browser is idle, or on the first validation at the latest.
 */
export type SchemaLoader<Schema> = () => Promise<Schema>;

/**
 * A react-hook-form form validated by a procedure's own zod schema (from lib/schemas), so the
 * browser runs the very rules the server runs. Errors show after a field is left or on submit.
 */
export function useSchemaForm<Schema extends z.ZodType<FieldValues, FieldValues>>(
  load: SchemaLoader<Schema>,
  options: Omit<UseFormProps<z.input<Schema>, unknown, z.output<Schema>>, 'resolver'> = {},
): UseFormReturn<z.input<Schema>, unknown, z.output<Schema>> {
  // The latest loader: a schema built from props (e.g. a day's diet options) follows them.
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  type SchemaResolver = Resolver<z.input<Schema>, unknown, z.output<Schema>>;
  const [resolver] = useState<SchemaResolver>(() => {
    const resolve: SchemaResolver = (values, context, options) => lazySchemaResolver(loader.current)(values, context, options);
    return resolve;
  });
  useEffect(() => prefetchWhenIdle(() => loader.current()), []);
  return useForm<z.input<Schema>, unknown, z.output<Schema>>({ mode: 'onTouched', ...options, resolver });
}

/** zod's resolver on a schema that is loaded on the first validation (the same errors, a moment later). */
export function lazySchemaResolver<Schema extends z.ZodType<FieldValues, FieldValues>>(
  load: SchemaLoader<Schema>,
): Resolver<z.input<Schema>, unknown, z.output<Schema>> {
  return async (values, context, options) => zodResolver(await load())(values, context, options);
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
