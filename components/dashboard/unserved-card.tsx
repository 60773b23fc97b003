import { Card } from '@/components/ui/card';
import { formatCount, formatDate, formatMoney, formatMonth } from '@/lib/format';
import type { Unserved } from '@/lib/schemas/report';

/** Last month's meals ordered but not served, per contract, and what they cost (both dashboards). */
export function UnservedCard({ unserved, counterpartLabel, side }: { unserved: Unserved; counterpartLabel: string; side: 'CLIENT' | 'CATERING' }) {
  const month = formatMonth(unserved.period.from.slice(0, 7));
  return (
    <Card title={`Ordered but not served, ${month}`}>
      <p className="mb-2 text-xs text-slate-600">
        {formatDate(unserved.period.from)} – {formatDate(unserved.period.to)}: per served day, the expected count minus the served count, at that day’s price.
        {side === 'CLIENT' ? ' Ordering closer to the suggested counts saves this.' : ' Meals cooked for nobody.'}
      </p>
      {unserved.byContract.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="unserved-none">Every meal ordered was served.</p>
      ) : (
        <table className="w-full break-words text-left text-sm" data-testid="unserved">
          <caption className="sr-only">{`Meals ordered but not served, ${month}`}</caption>
          <thead className="border-b border-slate-300 text-xs text-slate-600">
            <tr>
              <th className="py-2 pr-2">{counterpartLabel}</th>
              <th className="py-2 pr-2 text-right max-sm:hidden">Ordered</th>
              <th className="py-2 pr-2 text-right max-sm:hidden">Served</th>
              <th className="py-2 pr-2 text-right">Not served</th>
              <th className="py-2 text-right">Cost</th>
            </tr>
          </thead>
          <tbody>
            {unserved.byContract.map((c) => (
              <tr key={c.contractId} className="border-b border-slate-100">
                <td className="py-2 pr-2">{c.counterpartName}</td>
                <td className="py-2 pr-2 text-right tabular-nums max-sm:hidden">{formatCount(c.expectedMeals)}</td>
                <td className="py-2 pr-2 text-right tabular-nums max-sm:hidden">{formatCount(c.servedMeals)}</td>
                <td className="py-2 pr-2 text-right font-medium tabular-nums">{formatCount(c.unservedMeals)}</td>
                <td className="py-2 text-right tabular-nums">{formatMoney(c.unservedCostCents, c.currency)}</td>
              </tr>
            ))}
            {unserved.totals.map((t) => (
              <tr key={t.currency} className="font-semibold">
                <td className="py-2 pr-2">Total {t.currency}</td>
                <td className="max-sm:hidden" />
                <td className="max-sm:hidden" />
                <td className="py-2 pr-2 text-right tabular-nums">{formatCount(t.unservedMeals)}</td>
                <td className="py-2 text-right tabular-nums">{formatMoney(t.unservedCostCents, t.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
