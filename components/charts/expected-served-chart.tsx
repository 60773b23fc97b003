'use client';
import dynamic from 'next/dynamic';
import { ChartFrame, ChartLoading } from './chart-frame';

export type MealsPoint = { date: string; expected: number; served: number | null };

// recharts is most of a report's JavaScript: the page is usable before it arrives.
const ExpectedServedPlot = dynamic(() => import('./expected-served-plot').then((m) => m.ExpectedServedPlot), {
  ssr: false,
  loading: ChartLoading,
});

/** Expected meals as bars, served meals as a line over them, per date. */
export function ExpectedServedChart({ title, description, data }: { title: string; description?: string; data: MealsPoint[] }) {
  return (
    <ChartFrame title={title} description={description} height={260}>
      <ExpectedServedPlot data={data} />
    </ChartFrame>
  );
}
