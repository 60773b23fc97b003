import Link from 'next/link';
import { ProductionPlanChart } from '@/components/charts/production-plan-chart';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import type { CatererDashboard } from '@/lib/schemas/report';
import { AwaitingServedCard, OpenDisputesCard, UtilisationList } from './caterer-panels';
import { ContractCostTable } from './contract-cost-table';
import { UnservedCard } from './unserved-card';

export function CatererDashboardView({ data, isAdmin }: { data: CatererDashboard; isAdmin: boolean }) {
  if (data.revenueByContract.length === 0 && data.productionPlan.clients.length === 0) {
    return (
      <Card title="No contracts yet">
        <p className="text-sm text-slate-700">
          {isAdmin ? (
            <>
              No contracts yet —{' '}
              <Link href="/contracts/new" className="font-medium text-emerald-800 underline">
                create one
              </Link>{' '}
              for a client company. Its production plan, served counts and revenue then appear here.
            </>
          ) : (
            'No contracts yet. An admin of your company creates them; the production plan and revenue then appear here.'
          )}
        </p>
      </Card>
    );
  }
  const period = `${formatDate(data.revenuePeriod.from)} – ${formatDate(data.revenuePeriod.to)}`;
  return (
    <div className="grid grid-cols-1 gap-4">
      <Card>
        <ProductionPlanChart plan={data.productionPlan} capacity={data.dailyCapacity} />
        <UtilisationList days={data.productionPlan.days} capacity={data.dailyCapacity} />
      </Card>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <AwaitingServedCard awaiting={data.awaitingServed} today={data.today} />
        <OpenDisputesCard disputes={data.openDisputes} timeZone={data.timeZone} />
      </div>
      <Card title="Revenue, last 30 days" actions={<Link href="/reports" className="text-sm text-emerald-800 underline">Reports</Link>}>
        <p className="mb-2 text-xs text-slate-600">
          {period}. Served days count served meals × price; days not yet served are estimated from the expected count.
        </p>
        <ContractCostTable caption={`Revenue per contract, ${period}`} counterpartLabel="Client" rows={data.revenueByContract} totals={data.revenueTotals} />
      </Card>
      <UnservedCard unserved={data.unserved} counterpartLabel="Client" side="CATERING" />
    </div>
  );
}
