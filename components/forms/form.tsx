'use client';
import type { FormHTMLAttributes } from 'react';
import { useIsClient } from '@/lib/use-is-client';

/**
 * Every form of the app: the schema validates (noValidate turns the browser's own bubbles off),
 * and `data-hydrated` tells the browser tests when typing reaches React, not a dead input.
 */
export function Form(props: FormHTMLAttributes<HTMLFormElement>) {
  const isClient = useIsClient();
  return <form noValidate data-hydrated={isClient ? '' : undefined} {...props} />;
}
