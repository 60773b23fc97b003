'use client';
import { Toaster as Sonner } from 'sonner';

/** Success and error toasts, announced to screen readers by sonner. */
export function Toaster() {
  return <Sonner position="top-center" richColors closeButton />;
}
