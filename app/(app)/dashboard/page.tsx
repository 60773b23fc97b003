import type { Metadata } from 'next';
import { CatererDashboardView } from '@/components/dashboard/caterer-dashboard-view';
import { ClientDashboardView } from '@/components/dashboard/client-dashboard-view';
import { CompanySummary } from '@/components/dashboard/company-summary';
import { ProposalsWaiting } from '@/components/dashboard/proposals-waiting';
import { LateChangeRequests } from '@/components/dashboard/late-change-requests';
import { PageHeader } from '@/components/ui/card';
import { getServerCaller, getSignedInUser } from '@/server/api/server-caller';

import { addDays } from '@/lib/dates';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const api = await getServerCaller();
  const [company, data, session] = await Promise.all([api.company.me(), api.report.dashboard(), getSignedInUser()]);
  // A client's proposals waiting for an answer, above everything else it has to do.
  const proposals = data.companyType === 'CLIENT' ? await api.contract.list({ status: 'PROPOSED' }) : [];
  // Late changes are asked between a day's deadline (at most 14 days' notice) and its delivery.
  const lateChanges = (await api.serviceDay.list({ from: addDays(data.today, -1), to: addDays(data.today, 15) })).filter(
    (d) => d.changeRequest?.outcome === 'OPEN',
  );
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${company.name} · dates and times in ${company.timezone}`}
      />
      {lateChanges.length > 0 && (
        <div className="mb-4">
          <LateChangeRequests days={lateChanges} viewerSide={data.companyType} />
        </div>
      )}
      {proposals.length > 0 && (
        <div className="mb-4">
          <ProposalsWaiting proposals={proposals} />
        </div>
      )}
      {data.companyType === 'CLIENT' ? (
        <ClientDashboardView hasProposals={proposals.length > 0} data={data} weekEnd={addDays(data.today, 6)} companyEmail={company.email} />
      ) : (
        <CatererDashboardView data={data} isAdmin={session?.role === 'ADMIN'} />
      )}
      <div className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
        <CompanySummary company={company} />
      </div>
    </>
  );
}
