'use client';
import dynamic from 'next/dynamic';

// Loaded after hydration, not with the page: toasts only follow something a person did.
const SonnerToaster = dynamic(() => import('./sonner-toaster').then((m) => m.SonnerToaster), { ssr: false });

/** Success and error toasts, announced to screen readers by sonner. */
export function Toaster() {
  return <SonnerToaster />;
}
