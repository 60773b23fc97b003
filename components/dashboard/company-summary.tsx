import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { formatCount } from '@/lib/format';
import type { CompanyOutput } from '@/lib/schemas/company';

/** The settings that shape every figure on the dashboard: zone, currency and capacity. */
export function CompanySummary({ company }: { company: CompanyOutput }) {
  return (
    <Card title="Company" actions={<Link className="text-sm text-emerald-800 underline" href="/settings">Edit settings</Link>}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Name</dt>
        <dd className="break-words">{company.name}</dd>
        <dt className="text-slate-600">Time zone</dt>
        <dd>{company.timezone}</dd>
        {company.companyType === 'CATERING' && (
          <>
            <dt className="text-slate-600">Currency</dt>
            <dd>{company.currency}</dd>
          </>
        )}
        {company.dailyCapacity !== null && (
          <>
            <dt className="text-slate-600">Daily capacity</dt>
            <dd>{formatCount(company.dailyCapacity)} meals</dd>
          </>
        )}
      </dl>
    </Card>
  );
}
