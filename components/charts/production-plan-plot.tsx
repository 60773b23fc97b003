'use client';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatDate, formatPercent } from '@/lib/format';
import type { CatererDashboard } from '@/lib/schemas/report';
import { SERIES_COLOURS } from './chart-frame';

type Plan = CatererDashboard['productionPlan'];

/** The plot of ProductionPlanChart (recharts), loaded on its own so pages do not wait for it. */
export function ProductionPlanPlot({ plan, capacity }: { plan: Plan; capacity: number }) {
  const rows = plan.days.map((day) => ({
    ...day.byClient,
    date: day.date,
    label: formatDate(day.date, { weekday: 'short', day: 'numeric' }),
    totalMeals: day.totalMeals,
    utilisation: day.utilisation,
  }));
  const top = Math.max(capacity, ...plan.days.map((d) => d.totalMeals));
  return (
    <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 16, right: 8, bottom: 0, left: -12 }} accessibilityLayer>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} domain={[0, Math.ceil(top * 1.1)]} />
          <Tooltip
            formatter={(value, name) => [formatCount(Number(value)), name]}
            labelFormatter={(_label, payload) => {
              const row = payload?.[0]?.payload as { date?: string; totalMeals?: number; utilisation?: number } | undefined;
              if (!row?.date) return '';
              return `${formatDate(row.date)} — ${formatCount(row.totalMeals ?? 0)} meals, ${formatPercent(row.utilisation ?? 0)} of capacity`;
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine y={capacity} stroke="#b91c1c" strokeDasharray="6 3" label={{ value: 'Capacity', position: 'insideTopRight', fontSize: 11, fill: '#b91c1c' }} />
          {plan.clients.map((client, i) => (
            <Bar
              key={client.clientId}
              dataKey={client.clientId}
              name={client.clientName}
              stackId="meals"
              fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
    </ResponsiveContainer>
  );
}
