import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDate, formatMoney } from '@/lib/format';
import { weekdayName } from '@/lib/dates';
import type { ContractOutput } from '@/lib/schemas/contract';
import type { CompanyType } from '@/lib/enums';

export const weekdaySummary = (days: number[]) =>
  days.length === 5 && days.every((d, i) => d === i + 1) ? 'Mon–Fri' : days.map((d) => weekdayName(d).slice(0, 3)).join(', ');

export function ContractList({
  contracts,
  viewerType,
  canCreate,
}: {
  contracts: ContractOutput[];
  viewerType: CompanyType;
  canCreate: boolean;
}) {
  if (contracts.length === 0) {
    return (
      <Card>
        <p className="text-sm text-slate-700">
          {canCreate ? (
            <>
              No contracts here yet. <Link className="text-emerald-800 underline" href="/contracts/new">Create a contract</Link> with a
              client by their registered email.
            </>
          ) : viewerType === 'CLIENT' ? (
            'No contracts here yet. Your caterer proposes the contract; it will appear here for your administrator to accept.'
          ) : (
            'No contracts here yet. An administrator can create one.'
          )}
        </p>
      </Card>
    );
  }
  return (
    <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
      {contracts.map((c) => (
        <li key={c.id}>
          <Link
            href={`/contracts/${c.id}`}
            className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-emerald-700 focus-visible:outline-2 focus-visible:outline-emerald-700"
          >
            <div className="flex items-start justify-between gap-2">
              <span className="font-semibold text-slate-900">{viewerType === 'CATERING' ? c.clientName : c.cateringName}</span>
              <StatusBadge status={c.status} />
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {weekdaySummary(c.serviceDays)} · {c.defaultQuantity} meals (min {c.minDailyQuantity}, max {c.maxQuantity}) ·{' '}
              {formatMoney(c.pricePerMealCents, c.currency)} per meal
            </p>
            <p className="mt-1 text-xs text-slate-600">
              {formatDate(c.startDate)} – {formatDate(c.endDate)} · delivery {c.deliveryTime} ({c.clientTimeZone})
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
