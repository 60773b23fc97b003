import type { ContractStatus, ServiceDayStatus } from '@/lib/enums';
import { cn } from './cn';

type Status = ContractStatus | ServiceDayStatus;

// Every status (the Record makes a new enum value a type error here).
const STYLES: Record<Status, { label: string; className: string }> = {
  PROPOSED: { label: 'Proposed', className: 'bg-violet-100 text-violet-900' },
  DECLINED: { label: 'Declined', className: 'bg-slate-200 text-slate-800' },
  ACTIVE: { label: 'Active', className: 'bg-emerald-100 text-emerald-900' },
  PAUSED: { label: 'Paused', className: 'bg-amber-100 text-amber-900' },
  TERMINATED: { label: 'Terminated', className: 'bg-slate-200 text-slate-800' },
  PENDING: { label: 'To confirm', className: 'bg-amber-100 text-amber-900' },
  EXPECTED_CONFIRMED: { label: 'Confirmed', className: 'bg-sky-100 text-sky-900' },
  SERVED_CONFIRMED: { label: 'Served', className: 'bg-emerald-100 text-emerald-900' },
  DISPUTED: { label: 'Disputed', className: 'bg-red-100 text-red-900' },
  CANCELLED: { label: 'Cancelled', className: 'bg-slate-200 text-slate-800 line-through' },
};

/** A status as a word a person understands. */
export function statusLabel(status: Status): string {
  return STYLES[status].label;
}

const LOCKED = { label: 'Locked', className: 'bg-slate-200 text-slate-900' };

/**
 * A status as a word a person understands, with a colour that is never the only signal.
 * `locked`: a day still to be served whose confirmation deadline has passed.
 */
export function StatusBadge({ status, locked = false }: { status: Status; locked?: boolean }) {
  const style = locked ? LOCKED : STYLES[status];
  return <span className={cn('inline-block rounded px-2 py-0.5 text-xs font-medium', style.className)}>{style.label}</span>;
}
