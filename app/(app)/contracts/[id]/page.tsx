import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContractActions } from '@/components/contracts/contract-actions';
import { weekdaySummary } from '@/components/contracts/contract-list';
import { loadContractOrNotFound } from './load-contract';
import { ServiceDayTable } from '@/components/service-days/service-day-table';
import { Card, PageHeader } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDate, formatInstant, formatNotice, formatWeekdayList } from '@/lib/format';
import type { ContractOutput } from '@/lib/schemas/contract';
import { PricePeriods } from '@/components/contracts/price-periods';
import { DeliveryDetails } from '@/components/contracts/delivery-details';
import { getServerCaller } from '@/server/api/server-caller';
import { addDays, localToday } from '@/lib/dates';
import { describeDietSplit, dietTotal } from '@/lib/diets';
import { DIET_LABELS } from '@/lib/enums';

export const metadata: Metadata = { title: 'Contract' };

/** Where a proposal stands: waiting for the client's ADMIN, or declined (with the reason) or withdrawn. */
function ProposalNote({ contract }: { contract: ContractOutput }) {
  const client = contract.viewerSide === 'CLIENT';
  let text: string | null = null;
  if (contract.status === 'PROPOSED') {
    text = client
      ? `${contract.cateringName} proposes these terms. Nothing is planned or billed until your administrator accepts them.`
      : contract.clientRegistered
        ? `Waiting for ${contract.clientName}'s administrator to accept or decline. No service days are planned until then.`
        : `${contract.clientName} is not on ChefOps yet: we e-mailed ${contract.clientEmail} the terms and a link to register (valid 7 days). No service days are planned until they accept.`;
  } else if (contract.withdrawnAt) {
    text = `${contract.cateringName} withdrew this proposal on ${formatInstant(contract.withdrawnAt, contract.clientTimeZone)}.`;
  } else if (contract.status === 'DECLINED' && contract.declinedAt) {
    text = `${contract.clientName} declined this proposal on ${formatInstant(contract.declinedAt, contract.clientTimeZone)}. Reason: ${contract.declineReason ?? '—'}`;
  }
  if (!text) return null;
  return (
    <p role="status" data-testid="proposal-note" className="mb-4 rounded-md border border-violet-300 bg-violet-50 px-3 py-2 text-sm text-violet-950">
      {text}
    </p>
  );
}

export default async function ContractPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerCaller();
  const contract = await loadContractOrNotFound(api, id);
  if (!contract) notFound();
  const today = localToday(new Date(), contract.clientTimeZone);
  const from = addDays(today, -7);
  const to = addDays(today, 28);
  const days = await api.serviceDay.list({ contractId: id, from, to });
  const counterpart = contract.viewerSide === 'CATERING' ? contract.clientName : contract.cateringName;
  return (
    <>
      <PageHeader
        title={`Contract with ${counterpart}`}
        description={
          <span className="inline-flex items-center gap-2">
            <StatusBadge status={contract.status} /> {contract.cateringName} → {contract.clientName}
          </span>
        }
        actions={<ContractActions id={contract.id} allowed={contract.allowedActions} />}
      />
      <ProposalNote contract={contract} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card title="Terms" className="lg:col-span-1">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">Meals per day</dt>
            <dd>
              {contract.defaultQuantity} by default (min {contract.minDailyQuantity}, max {contract.maxQuantity})
            </dd>
            <dt className="text-slate-600">Diets</dt>
            <dd data-testid="contract-diets">
              {contract.dietOptions.length === 0
                ? 'Standard meals only'
                : `Standard, ${contract.dietOptions.map((d) => DIET_LABELS[d].toLowerCase()).join(', ')}`}
              {dietTotal(contract.defaultDiets) > 0 && (
                <p className="text-slate-600">By default: {describeDietSplit(contract.defaultQuantity, contract.defaultDiets)}</p>
              )}
            </dd>
            <dt className="text-slate-600">Service days</dt>
            <dd>
              {weekdaySummary(contract.serviceDays)}
              {contract.skippedWeekdays.length > 0 && (
                <p role="status" className="mt-1 rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-amber-950">
                  The client&apos;s office is closed on {formatWeekdayList(contract.skippedWeekdays)}, so no meals are planned on{' '}
                  {contract.skippedWeekdays.length === 1 ? 'that day' : 'those days'}.
                </p>
              )}
            </dd>
            <dt className="text-slate-600">Period</dt>
            <dd>
              {formatDate(contract.startDate)} – {formatDate(contract.endDate)}
            </dd>
            <dt className="text-slate-600">Delivery</dt>
            <dd>
              {contract.deliveryTime} ({contract.clientTimeZone})
            </dd>
            <dt className="text-slate-600">Notice</dt>
            <dd>
              {formatNotice(contract, contract.clientTimeZone)}
            </dd>
            <dt className="text-slate-600">Late reductions</dt>
            <dd>
              Meals removed by a change after the deadline are billed at {contract.lateReductionChargePercent} % of the price.
            </dd>
            <dt className="text-slate-600">Price</dt>
            <dd>
              <PricePeriods periods={contract.pricePeriods} currency={contract.currency} today={today} />
            </dd>
          </dl>
          <h3 className="mt-4 mb-2 text-sm font-semibold text-slate-900">Delivery details</h3>
          <DeliveryDetails delivery={contract.clientDelivery} />
        </Card>
        <Card
          title="Service days"
          className="lg:col-span-2"
          actions={
            <Link className="text-sm text-emerald-800 underline" href={`/service-days?contractId=${contract.id}`}>
              Open in service days
            </Link>
          }
        >
          <p className="mb-3 text-sm text-slate-600">
            {contract.status === 'PROPOSED'
              ? 'None yet: the next four weeks of service days are planned when the client accepts the proposal.'
              : `Last week and the next four weeks (${formatDate(from)} – ${formatDate(to)}).`}
          </p>
          <ServiceDayTable days={days} viewerSide={contract.viewerSide} compact />
        </Card>
      </div>
    </>
  );
}
