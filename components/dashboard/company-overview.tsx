import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { weekdayLabel } from '@/lib/weekdays';
import type { CompanyOutput } from '@/server/api/schemas/company';

type UserRow = { id: string; email: string; role: string; isActive: boolean };

export function CompanyOverview({ company, users }: { company: CompanyOutput; users: UserRow[] }) {
  const openDays = company.officeDays.filter((d) => d.isWorkDay).map((d) => weekdayLabel(d.dayOfWeek));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card title="Company" actions={<Link className="text-sm text-emerald-800 underline" href="/settings">Edit settings</Link>}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-600">Type</dt>
          <dd>{company.companyType === 'CATERING' ? 'Caterer' : 'Client'}</dd>
          <dt className="text-slate-600">Email</dt>
          <dd className="break-all">{company.email}</dd>
          <dt className="text-slate-600">Time zone</dt>
          <dd>{company.timezone}</dd>
          {company.dailyCapacity !== null && (
            <>
              <dt className="text-slate-600">Daily capacity</dt>
              <dd>{company.dailyCapacity.toLocaleString('en')} meals</dd>
            </>
          )}
          {company.workMode && (
            <>
              <dt className="text-slate-600">Work mode</dt>
              <dd>{company.workMode.charAt(0) + company.workMode.slice(1).toLowerCase()}</dd>
            </>
          )}
        </dl>
      </Card>
      {company.companyType === 'CLIENT' && (
        <Card title="Office days">
          <p className="text-sm">{openDays.length === 7 ? 'Open every day' : openDays.join(', ') || 'Closed every day'}</p>
        </Card>
      )}
      <Card title={`Team (${users.length})`}>
        <ul className="divide-y divide-slate-100 text-sm">
          {users.map((u) => (
            <li key={u.id} className="flex items-center justify-between gap-2 py-2">
              <span className="break-all">{u.email}</span>
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                {u.role.toLowerCase()}
                {!u.isActive && ' · inactive'}
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
