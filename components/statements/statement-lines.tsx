import type { StatementOutput } from '@/lib/schemas/statement';
import { formatCount, formatMoney, formatStatementLineDates } from '@/lib/format';

type Line = StatementOutput['content']['lines'][number];

/**
 * A statement's lines: a table from 640 px up, cards below it, so on a phone every amount is on
 * screen without scrolling sideways; the totals always follow the lines.
 */
export function StatementLines({ statement, contractLabel }: { statement: StatementOutput; contractLabel: (contractId: string) => string }) {
  const { lines, totals } = statement.content;
  const describe = (l: Line) => formatStatementLineDates(l);
  if (lines.length === 0) return <p className="text-sm text-slate-700">Nothing to bill yet: no served days that were not billed before.</p>;
  return (
    <div data-testid="statement-lines">
      <table className="hidden w-full text-sm sm:table">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th className="py-2 pr-2 font-medium">Contract</th>
            <th className="py-2 pr-2 font-medium">Days</th>
            <th className="py-2 pr-2 text-right font-medium">Meals</th>
            <th className="py-2 pr-2 text-right font-medium">Price</th>
            <th className="py-2 pr-2 text-right font-medium">Net</th>
            <th className="py-2 pr-2 text-right font-medium">VAT</th>
            <th className="py-2 text-right font-medium">Gross</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i} className="border-b border-slate-100">
              <td className="py-2 pr-2">{contractLabel(l.contractId)}</td>
              <td className="py-2 pr-2">
                {describe(l)} <span className="text-slate-600">({l.days})</span>
              </td>
              <td className="py-2 pr-2 text-right tabular-nums">{formatCount(l.meals)}</td>
              <td className="py-2 pr-2 text-right tabular-nums">{formatMoney(l.pricePerMealCents, l.currency)}</td>
              <td className="py-2 pr-2 text-right tabular-nums">{formatMoney(l.netCents, l.currency)}</td>
              <td className="py-2 pr-2 text-right tabular-nums">{formatMoney(l.vatCents, l.currency)}</td>
              <td className="py-2 text-right font-medium tabular-nums">{formatMoney(l.grossCents, l.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-2 sm:hidden">
        {lines.map((l, i) => (
          <li key={i} className="rounded-md border border-slate-200 p-3 text-sm">
            <div className="flex items-start justify-between gap-2">
              <p className="font-medium text-slate-900">{contractLabel(l.contractId)}</p>
              <p className="font-semibold tabular-nums">{formatMoney(l.grossCents, l.currency)}</p>
            </div>
            <p className="text-slate-700">
              {describe(l)}: {formatCount(l.meals)} meals × {formatMoney(l.pricePerMealCents, l.currency)}
            </p>
            <p className="text-slate-600">
              Net {formatMoney(l.netCents, l.currency)} · VAT {formatMoney(l.vatCents, l.currency)}
            </p>
          </li>
        ))}
      </ul>
      <dl className="mt-3 space-y-1 text-sm" data-testid="statement-totals">
        {totals.map((t) => (
          <div key={t.currency} className="flex flex-wrap justify-end gap-x-4">
            <dt className="sr-only">Totals in {t.currency}</dt>
            <dd>Net {formatMoney(t.netCents, t.currency)}</dd>
            <dd>VAT {formatMoney(t.vatCents, t.currency)}</dd>
            <dd className="font-semibold">Total {formatMoney(t.grossCents, t.currency)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
