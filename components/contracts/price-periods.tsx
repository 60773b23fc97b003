import type { PricePeriodOutput } from '@/lib/schemas/contract';
import { formatDate, formatMoney } from '@/lib/format';

/** A contract's prices over time, newest first; the one in force today is marked. */
export function PricePeriods({ periods, currency, today }: { periods: PricePeriodOutput[]; currency: string; today: string }) {
  return (
    <ul className="space-y-1" data-testid="price-periods">
      {[...periods].reverse().map((p) => {
        const current = p.from <= today && (p.to === null || today <= p.to);
        return (
          <li key={p.from} className={current ? 'font-medium' : 'text-slate-600'}>
            {formatMoney(p.pricePerMealCents, currency)} per meal{' '}
            <span className="whitespace-nowrap">
              {p.to === null ? `from ${formatDate(p.from)}` : `${formatDate(p.from)} – ${formatDate(p.to)}`}
            </span>
            {current && periods.length > 1 && <span className="ml-1 text-xs text-emerald-800">(now)</span>}
            {p.from > today && <span className="ml-1 text-xs text-amber-800">(upcoming)</span>}
          </li>
        );
      })}
    </ul>
  );
}
