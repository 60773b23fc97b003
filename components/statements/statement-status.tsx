import type { StatementStatus } from '@/lib/enums';
import { cn } from '@/components/ui/cn';

const LOOK: Record<StatementStatus, { label: string; className: string }> = {
  DRAFT: { label: 'Draft', className: 'bg-slate-100 text-slate-800' },
  ISSUED: { label: 'Issued', className: 'bg-amber-100 text-amber-950' },
  PAID: { label: 'Paid', className: 'bg-emerald-100 text-emerald-900' },
};

export function StatementStatusBadge({ status }: { status: StatementStatus }) {
  const look = LOOK[status];
  return <span className={cn('rounded-full px-2 py-0.5 text-xs font-medium', look.className)}>{look.label}</span>;
}
