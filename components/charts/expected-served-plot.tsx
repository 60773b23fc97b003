'use client';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatDate } from '@/lib/format';

import type { MealsPoint } from './expected-served-chart';

/** The plot of ExpectedServedChart (recharts), loaded on its own so pages do not wait for it. */
export function ExpectedServedPlot({ data }: { data: MealsPoint[] }) {
  const rows = data.map((d) => ({ ...d, label: formatDate(d.date, { day: 'numeric', month: 'short' }) }));
  return (
    <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip
            formatter={(value, name) => [value === null || value === undefined ? '—' : formatCount(Number(value)), name]}
            labelFormatter={(_label, payload) => {
              const date = (payload?.[0]?.payload as { date?: string } | undefined)?.date;
              return date ? formatDate(date) : '';
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="expected" name="Expected" fill="#94a3b8" radius={[2, 2, 0, 0]} isAnimationActive={false} />
          <Line
            dataKey="served"
            name="Served"
            stroke="#047857"
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
    </ResponsiveContainer>
  );
}
