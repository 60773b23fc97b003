import Link from 'next/link';
import { ExpectedServedChart } from '@/components/charts/expected-served-chart';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import type { ClientDashboard } from '@/lib/schemas/report';
import { ContractCostTable } from './contract-cost-table';
import { PendingConfirmations } from './pending-confirmations';
import { UnservedCard } from './unserved-card';

export function ClientDashboardView({
  data,
  weekEnd,
  companyEmail,
  hasProposals = false,
}: {
  data: ClientDashboard;
  weekEnd: string;
  companyEmail: string;
  /** Proposals are shown above; the "no contracts yet" hint would contradict them. */
  hasProposals?: boolean;
}) {
  const period = `${formatDate(data.costPeriod.from)} – ${formatDate(data.costPeriod.to)}`;
  if (data.costByContract.length === 0 && data.pendingDays.length === 0) {
    if (hasProposals) return null;
    return (
      <Card title="No contracts yet">
        <p className="text-sm text-slate-700">
          Your caterer proposes the contract: ask them to send one to your company email{' '}
          <strong className="break-all">{companyEmail}</strong>. Once your administrator accepts it, its service days, deadlines and
          costs appear here.
        </p>
      </Card>
    );
  }
  return (
    <div className="grid grid-cols-1 gap-4">
      <PendingConfirmations days={data.pendingDays} weekEnd={weekEnd} timeZone={data.timeZone} canConfirm={data.canConfirm} />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Card title="Cost, last 30 days" actions={<Link href="/reports" className="text-sm text-emerald-800 underline">Reports</Link>}>
          <p className="mb-2 text-xs text-slate-600">
            {period}. Served days cost served meals × price; days not yet served are estimated from the expected count.
          </p>
          <ContractCostTable caption={`Cost per contract, ${period}`} counterpartLabel="Caterer" rows={data.costByContract} totals={data.costTotals} />
        </Card>
        <Card>
          <ExpectedServedChart
            title="Expected and served meals per day"
            description="The last 30 days and the next 7, all contracts"
            data={data.mealsByDay}
          />
        </Card>
      </div>
      <UnservedCard unserved={data.unserved} counterpartLabel="Caterer" side="CLIENT" />
    </div>
  );
}
