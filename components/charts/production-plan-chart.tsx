'use client';
import dynamic from 'next/dynamic';
import { formatCount } from '@/lib/format';
import type { CatererDashboard } from '@/lib/schemas/report';
import { ChartFrame, ChartLoading } from './chart-frame';

// recharts is most of a dashboard's JavaScript: the page is usable before it arrives.
const ProductionPlanPlot = dynamic(() => import('./production-plan-plot').then((m) => m.ProductionPlanPlot), {
  ssr: false,
  loading: ChartLoading,
});

/** Meals per day stacked by client, against the daily capacity (a dashed line). */
export function ProductionPlanChart({ plan, capacity }: { plan: CatererDashboard['productionPlan']; capacity: number }) {
  return (
    <ChartFrame
      title="Production plan, next 14 days"
      description={`Meals per day by client against your daily capacity of ${formatCount(capacity)} meals`}
      height={280}
    >
      <ProductionPlanPlot plan={plan} capacity={capacity} />
    </ChartFrame>
  );
}
