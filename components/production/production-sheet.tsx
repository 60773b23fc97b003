import { MenuDishes } from '@/components/menus/dish-badges';
import { Card } from '@/components/ui/card';
import { describeDietSplit } from '@/lib/diets';
import { DIETS, DIET_LABELS, PRODUCTION_STATUSES, PRODUCTION_STATUS_LABELS, type ProductionStatus } from '@/lib/enums';
import { formatCount } from '@/lib/format';
import { describeDeliveryTime, describeSiteContact } from '@/lib/production-text';
import type { ProductionOutput } from '@/lib/schemas/production';

const STATUS_STYLE: Record<ProductionStatus, string> = {
  CONFIRMED: 'bg-emerald-100 text-emerald-900',
  LOCKED: 'bg-slate-200 text-slate-900',
  OPEN: 'bg-amber-100 text-amber-950',
};

/** The day's totals and one row per client; compact when printed (about 25 clients to an A4 page). */
export function ProductionSheet({ report }: { report: ProductionOutput }) {
  const { totals, lines } = report;
  return (
    <>
      <Card title="Totals" className="mb-4 print:mb-2 print:border-0 print:p-0 print:shadow-none">
        <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm print:text-[9pt]" data-testid="production-totals">
          <div>
            <dt className="text-slate-600">Meals</dt>
            <dd className="text-xl font-semibold tabular-nums print:text-base">{formatCount(totals.meals)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Standard</dt>
            <dd className="text-xl font-semibold tabular-nums print:text-base">{formatCount(totals.standard)}</dd>
          </div>
          {DIETS.filter((d) => totals.diets[d]).map((d) => (
            <div key={d}>
              <dt className="text-slate-600">{DIET_LABELS[d]}</dt>
              <dd className="text-xl font-semibold tabular-nums print:text-base">{formatCount(totals.diets[d]!)}</dd>
            </div>
          ))}
          {PRODUCTION_STATUSES.map((s) => (
            <div key={s}>
              <dt className="text-slate-600">{PRODUCTION_STATUS_LABELS[s]}</dt>
              <dd className="tabular-nums">{formatCount(totals.byStatus[s] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card className="print:border-0 print:p-0 print:shadow-none">
        {lines.length === 0 ? (
          <p className="text-sm text-slate-700">No meals on this date.</p>
        ) : (
          <table className="w-full text-left text-sm print:text-[8pt]" data-testid="production-sheet">
            <thead className="border-b border-slate-300 text-xs text-slate-600 max-sm:hidden print:table-header-group">
              <tr>
                <th className="py-2 pr-2">Client</th>
                <th className="py-2 pr-2">Delivery</th>
                <th className="py-2 pr-2">Address and contact</th>
                <th className="py-2 pr-2 text-right">Meals</th>
                <th className="py-2 pr-2">Diets</th>
                <th className="py-2 pr-2">Status</th>
                <th className="py-2">Menu</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr
                  key={l.serviceDayId}
                  data-testid="production-line"
                  className="border-b border-slate-100 align-top break-inside-avoid max-sm:flex max-sm:flex-col max-sm:gap-1 max-sm:py-3"
                >
                  <td className="py-2 pr-2 font-medium text-slate-900 print:py-0.5">{l.clientName}</td>
                  <td className="py-2 pr-2 whitespace-nowrap print:py-0.5">{describeDeliveryTime(l.deliveryTime, l.clientTimeZone)}</td>
                  <td className="py-2 pr-2 print:py-0.5">
                    {l.delivery.deliveryAddress ?? <span className="text-slate-500">No address given</span>}
                    {l.delivery.deliveryInstructions && <p className="text-xs text-slate-600">{l.delivery.deliveryInstructions}</p>}
                    {describeSiteContact(l.delivery) && <p className="text-xs text-slate-600">{describeSiteContact(l.delivery)}</p>}
                  </td>
                  <td className="py-2 pr-2 text-right font-semibold tabular-nums max-sm:text-left print:py-0.5">{formatCount(l.total)}</td>
                  <td className="py-2 pr-2 print:py-0.5">{describeDietSplit(l.total, l.diets)}</td>
                  <td className="py-2 pr-2 print:py-0.5">
                    <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[l.status]}`}>{PRODUCTION_STATUS_LABELS[l.status]}</span>
                  </td>
                  <td className="py-2 print:py-0.5">
                    {l.menu.length > 0 ? <MenuDishes dishes={l.menu} compact /> : <span className="text-slate-500">No menu</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
