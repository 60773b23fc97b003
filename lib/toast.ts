/**
 * Success and error toasts. sonner (10 kB gzipped) is not part of any page's first-load
 * JavaScript: the toaster loads right after hydration (components/ui/toaster.tsx) and a toast
 * waits until it is mounted, so none is lost. Call sites read like sonner's:
 * `toast.success('Saved.')`.
 */
let markMounted: () => void = () => undefined;
const mounted = new Promise<void>((resolve) => {
  markMounted = resolve;
});

/** Called by the toaster once sonner listens for toasts. */
export function toasterMounted(): void {
  markMounted();
}

function show(kind: 'success' | 'error') {
  return (message: string): void => {
    void Promise.all([import('sonner'), mounted]).then(([{ toast: sonner }]) => sonner[kind](message));
  };
}

export const toast = { success: show('success'), error: show('error') };
