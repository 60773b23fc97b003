'use client';
import { useEffect } from 'react';
import { Toaster as Sonner } from 'sonner';
import { toasterMounted } from '@/lib/toast';

/** sonner's toaster; its own effect subscribes to toasts before this one tells lib/toast. */
export function SonnerToaster() {
  useEffect(() => toasterMounted(), []);
  return <Sonner position="top-center" richColors closeButton />;
}
