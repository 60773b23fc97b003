import type { Metadata } from 'next';
import { CompanyOverview } from '@/components/dashboard/company-overview';
import { PageHeader } from '@/components/ui/card';
import { getServerCaller } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const api = await getServerCaller();
  const [company, users] = await Promise.all([api.company.me(), api.user.list()]);
  return (
    <>
      <PageHeader
        title={company.name}
        description={company.companyType === 'CATERING' ? 'Caterer dashboard' : 'Client dashboard'}
      />
      <CompanyOverview company={company} users={users} />
    </>
  );
}
