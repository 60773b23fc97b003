import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ContractForm } from '@/components/contracts/contract-form';
import { PageHeader } from '@/components/ui/card';
import { getServerCaller, getSignedInUser } from '@/server/api/server-caller';


export const metadata: Metadata = { title: 'New contract' };

export default async function NewContractPage() {
  const api = await getServerCaller();
  const [company, session] = await Promise.all([api.company.me(), getSignedInUser()]);
  if (company.companyType !== 'CATERING' || session?.role !== 'ADMIN') redirect('/contracts');
  const counterparties = await api.contract.counterparties();
  return (
    <>
      <PageHeader title="New contract" description="Terms you propose to a client. Service days are planned once the client's administrator accepts them." />
      <ContractForm mode="create" currency={company.currency} timeZone={company.timezone} counterparties={counterparties} />
    </>
  );
}
