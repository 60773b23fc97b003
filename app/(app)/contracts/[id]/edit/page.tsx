import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ContractForm } from '@/components/contracts/contract-form';
import { PageHeader } from '@/components/ui/card';
import { getServerCaller } from '@/server/api/server-caller';
import { loadContractOrNotFound } from '../load-contract';

export const metadata: Metadata = { title: 'Edit contract' };

export default async function EditContractPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const contract = await loadContractOrNotFound(await getServerCaller(), id);
  if (!contract) notFound();
  if (!contract.allowedActions.includes('edit')) redirect(`/contracts/${id}`);
  return (
    <>
      <PageHeader title={`Edit contract with ${contract.clientName}`} description="Confirmed days keep their quantities; days still open are re-planned with the new terms." />
      <ContractForm mode="edit" contract={contract} currency={contract.currency} />
    </>
  );
}
