import Link from 'next/link';
import { ContractActions } from '@/components/contracts/contract-actions';
import { weekdaySummary } from '@/components/contracts/contract-list';
import { Card } from '@/components/ui/card';
import { formatDate, formatMoney, formatNotice } from '@/lib/format';
import type { ContractOutput } from '@/lib/schemas/contract';

/**
 * Contract proposals caterers sent to this client, waiting for its ADMIN: the terms it would
 * agree to, with Accept / Decline (others see them, without the buttons).
 */
export function ProposalsWaiting({ proposals }: { proposals: ContractOutput[] }) {
  if (proposals.length === 0) return null;
  const canAnswer = proposals.some((p) => p.allowedActions.includes('accept'));
  return (
    <Card title="Proposals waiting">
      <p className="mb-3 text-sm text-slate-600">
        {canAnswer
          ? 'Nothing is planned or billed until you accept. Check the terms, then accept or decline.'
          : 'Your administrator accepts or declines these; nothing is planned or billed before.'}
      </p>
      <ul className="divide-y divide-slate-200">
        {proposals.map((p) => (
          <li key={p.id} className="space-y-2 py-3" data-testid="proposal">
            <p className="font-medium">
              <Link className="text-emerald-800 underline" href={`/contracts/${p.id}`}>
                {p.cateringName}
              </Link>{' '}
              proposes {weekdaySummary(p.serviceDays)}, {formatDate(p.startDate)} – {formatDate(p.endDate)}
            </p>
            <p className="text-sm text-slate-700">
              {p.defaultQuantity} meals a day (min {p.minDailyQuantity}, max {p.maxQuantity}) · {formatMoney(p.pricePerMealCents, p.currency)} per
              meal ({p.currency}) · delivery {p.deliveryTime} · counts due {formatNotice(p, p.clientTimeZone)}
            </p>
            <ContractActions id={p.id} allowed={p.allowedActions.filter((a) => a === 'accept' || a === 'decline')} label={p.cateringName} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
