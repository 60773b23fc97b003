import type { ReactNode } from 'react';

/** The reserved space a plot fills once its code has loaded (plots render in the browser only). */
export function ChartLoading() {
  return <div className="h-full w-full animate-pulse rounded bg-slate-100" aria-hidden />;
}

/**
 * A chart with a visible title that names it for assistive technology too (figure +
 * figcaption). Plots measure their container, so they are loaded and rendered in the browser
 * only; the space is reserved meanwhile so the page does not jump.
 */
export function ChartFrame({
  title,
  description,
  height,
  children,
}: {
  title: string;
  description?: ReactNode;
  height: number;
  children: ReactNode;
}) {
  return (
    <figure className="min-w-0" aria-label={title}>
      <figcaption className="mb-2">
        <span className="block text-sm font-semibold text-slate-900">{title}</span>
        {description && <span className="block text-xs text-slate-600">{description}</span>}
      </figcaption>
      <div style={{ height }} className="w-full min-w-0">
        {children}
      </div>
    </figure>
  );
}

/** Distinct colours that stay apart for common colour-vision deficiencies (Okabe–Ito). */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
