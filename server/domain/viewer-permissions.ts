import type { CompanyType, ContractAction, ContractStatus, ServiceDayStatus, UserRole } from '@/lib/enums';
import { allowedContractActions } from './contract-state';
import {
  assertCanConfirmExpected,
  assertCanConfirmServed,
  assertCanCorrectServed,
  assertCanDispute,
  assertCanResolveDispute,
} from './service-day-state';

export interface Viewer {
  companyType: CompanyType;
  role: UserRole;
}

/**
 * What the viewer may do with a contract now: either party's ADMIN pauses, resumes and
 * terminates (as the state machine allows); only the caterer's ADMIN edits terms, until the
 * contract is terminated.
 */
export function contractActionsForViewer(status: ContractStatus, viewer: Viewer): ContractAction[] {
  if (viewer.role !== 'ADMIN') return [];
  const actions: ContractAction[] = [...allowedContractActions(status)];
  if (viewer.companyType === 'CATERING' && status !== 'TERMINATED') actions.push('edit');
  return actions;
}

export interface ServiceDayActionInput {
  status: ServiceDayStatus;
  contractStatus: ContractStatus;
  serviceDate: string;
  clientToday: string; // the client's local date at `now`
  deadline: Date;
  now: Date;
  min: number;
  servedQuantity: number | null;
  servedConfirmedAt: Date | null;
}

export interface ServiceDayViewerActions {
  canConfirmExpected: boolean;
  canConfirmServed: boolean;
  canDispute: boolean;
  canResolve: boolean;
  /** The caterer may still correct its own served count (24 h, not disputed). */
  canCorrectServed: boolean;
}

/** Runs a rule with a valid sample value: it passes exactly when the state allows the action. */
function passes(rule: () => unknown): boolean {
  try {
    rule();
    return true;
  } catch {
    return false;
  }
}

/**
 * What the viewer may do with a service day now. Uses the same rules the mutations enforce,
 * so a button shown as enabled never leads to a refusal for a state reason.
 */
export function serviceDayActionsForViewer(day: ServiceDayActionInput, viewer: Viewer): ServiceDayViewerActions {
  const client = viewer.companyType === 'CLIENT';
  const confirmer = viewer.role === 'ADMIN' || viewer.role === 'MANAGER';
  const { status, contractStatus, serviceDate, clientToday, deadline, now, min, servedQuantity, servedConfirmedAt } = day;
  return {
    canConfirmExpected:
      client &&
      confirmer &&
      passes(() => assertCanConfirmExpected({ status, contractStatus, quantity: min, min, max: min, deadline, now })),
    canConfirmServed:
      !client &&
      confirmer &&
      passes(() =>
        assertCanConfirmServed({ status, serviceDate, clientToday, deadline, now, quantity: 0, expectedQuantity: 0, maxQuantity: 0 }),
      ),
    canDispute:
      client && confirmer && passes(() => assertCanDispute({ status, servedConfirmedAt, now, reason: 'reason' })),
    canResolve:
      !client &&
      viewer.role === 'ADMIN' &&
      passes(() => assertCanResolveDispute({ status, servedQuantity: 0, note: 'note' })),
    canCorrectServed:
      !client &&
      confirmer &&
      passes(() =>
        assertCanCorrectServed({ status, servedQuantity, servedConfirmedAt, now, quantity: (servedQuantity ?? 0) + 1, note: 'note' }),
      ),
  };
}
