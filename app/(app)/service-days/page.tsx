import type { Metadata } from 'next';
import { ServiceDayFilters } from '@/components/service-days/service-day-filters';
import { ServiceDayTable } from '@/components/service-days/service-day-table';
import { Card, PageHeader } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { getServerCaller, getSignedInUser } from '@/server/api/server-caller';
import { addDays, isValidDate, localToday, weekContaining } from '@/lib/dates';
import { isAgreedContract, SERVICE_DAY_STATUSES } from '@/lib/enums';

export const metadata: Metadata = { title: 'Service days' };

type Search = { contractId?: string; from?: string; to?: string; status?: string };

export default async function ServiceDaysPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const api = await getServerCaller();
  const [company, contracts, session] = await Promise.all([
    api.company.me(),
    api.contract.list().then((all) => all.filter((c) => isAgreedContract(c.status))),
    getSignedInUser(),
  ]);
  const readOnlyClient = company.companyType === 'CLIENT' && session.role === 'EMPLOYEE';
  // Default: this week and the next, in the viewer's time zone (Monday first).
  const today = localToday(new Date(), company.timezone);
  const monday = weekContaining(today).from;
  const from = search.from && isValidDate(search.from) ? search.from : company.companyType === 'CATERING' ? addDays(monday, -7) : monday;
  const to = search.to && isValidDate(search.to) ? search.to : addDays(monday, 13);
  const status = SERVICE_DAY_STATUSES.find((s) => s === search.status);
  const contractId = contracts.some((c) => c.id === search.contractId) ? search.contractId : undefined;
  const result = await api.serviceDay
    .list({ contractId, from, to, status })
    .then((days) => ({ days, error: null }))
    .catch((error: Error) => ({ days: [], error: error.message }));
  const counterpart = (c: (typeof contracts)[number]) => (company.companyType === 'CATERING' ? c.clientName : c.cateringName);

  return (
    <>
      <PageHeader
        title="Service days"
        description={
          readOnlyClient
            ? 'Your office managers confirm these counts. Times are shown in the client’s time zone.'
            : company.companyType === 'CLIENT'
            ? 'Confirm how many people will eat before each deadline; after it, ask the caterer for a late change until delivery. Times are shown in the client’s time zone.'
            : 'Confirm what you served, and follow disputes.'
        }
      />
      <ServiceDayFilters
        contracts={contracts.map((c) => ({ id: c.id, label: `${counterpart(c)} (${c.status.toLowerCase()})` }))}
        value={{ contractId, from, to, status }}
      />
      <Card className="mt-4">
        <FormError message={result.error} />
        <ServiceDayTable days={result.days} viewerSide={company.companyType} compact={Boolean(contractId)} />
      </Card>
    </>
  );
}
