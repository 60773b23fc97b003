import type { Metadata } from 'next';
import Link from 'next/link';
import { ContractList } from '@/components/contracts/contract-list';
import { PageHeader } from '@/components/ui/card';
import { Pager, pageFrom } from '@/components/ui/pager';
import { getServerCaller, getSignedInUser } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Contracts' };

const FILTERS = [
  { value: undefined, label: 'All' },
  { value: 'PROPOSED', label: 'Proposed' },
  { value: 'ACTIVE', label: 'Active' },
  { value: 'PAUSED', label: 'Paused' },
  { value: 'TERMINATED', label: 'Terminated' },
  { value: 'DECLINED', label: 'Declined' },
] as const;

const PAGE_SIZE = 20;

export default async function ContractsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const { status: raw, page: rawPage } = await searchParams;
  const status = FILTERS.find((f) => f.value === raw)?.value;
  const api = await getServerCaller();
  const [contracts, company, session] = await Promise.all([
    api.contract.list(status ? { status } : undefined),
    api.company.me(),
    getSignedInUser(),
  ]);
  const canCreate = company.companyType === 'CATERING' && session?.role === 'ADMIN';
  const pageCount = Math.ceil(contracts.length / PAGE_SIZE);
  const page = pageFrom(rawPage, pageCount);
  const href = (p: number) => `/contracts?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader
        title="Contracts"
        description={company.companyType === 'CATERING' ? 'Your clients and their terms.' : 'Your caterers and their terms.'}
        actions={
          canCreate && (
            <Link href="/contracts/new" className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800">
              New contract
            </Link>
          )
        }
      />
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f.label}
            href={f.value ? `/contracts?status=${f.value}` : '/contracts'}
            aria-current={status === f.value ? 'page' : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-emerald-700 aria-[current=page]:bg-emerald-50 aria-[current=page]:text-emerald-900"
          >
            {f.label}
          </Link>
        ))}
      </nav>
      <ContractList
        contracts={contracts.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
        viewerType={company.companyType}
        canCreate={canCreate}
      />
      <Pager page={page} pageCount={pageCount} href={href} label="Contract pages" />
    </>
  );
}
