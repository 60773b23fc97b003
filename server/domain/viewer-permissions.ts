import type { CompanyType, ContractAction, ContractStatus, ServiceDayStatus, UserRole } from '@/lib/enums';
import { allowedContractActions } from './contract-state';
import {
  confirmExpectedRefusal,
  confirmServedRefusal,
  correctServedRefusal,
  disputeRefusal,
  resolveDisputeRefusal,
} from './service-day-state';

export interface Viewer {
  companyType: CompanyType;
  role: UserRole;
}

/**
 * What the viewer may do with a contract now: either party's ADMIN pauses, resumes and
 * terminates (as the state machine allows); the client's ADMIN accepts or declines a proposal,
 * the caterer's ADMIN withdraws it; only the caterer's ADMIN edits terms, until the contract is
 * terminated or declined.
 */
export function contractActionsForViewer(status: ContractStatus, viewer: Viewer): ContractAction[] {
  if (viewer.role !== 'ADMIN') return [];
  const actions: ContractAction[] = [...allowedContractActions(status, viewer.companyType)];
  if (viewer.companyType === 'CATERING' && status !== 'TERMINATED' && status !== 'DECLINED') actions.push('edit');
  return actions;
}

export interface ServiceDayActionInput {
  status: ServiceDayStatus;
  contractStatus: ContractStatus;
  serviceDate: string;
  clientToday: string; // the client's local date at `now`
  deadline: Date;
  now: Date;
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

/**
 * What the viewer may do with a service day now. Asks the same state rules the mutations
 * enforce (as plain answers, no error thrown per row), so a button shown as enabled never leads
 * to a refusal for a state reason.
 */
export function serviceDayActionsForViewer(day: ServiceDayActionInput, viewer: Viewer): ServiceDayViewerActions {
  const client = viewer.companyType === 'CLIENT';
  const confirmer = viewer.role === 'ADMIN' || viewer.role === 'MANAGER';
  const { status, contractStatus, serviceDate, clientToday, deadline, now, servedConfirmedAt } = day;
  return {
    canConfirmExpected: client && confirmer && confirmExpectedRefusal({ status, contractStatus, deadline, now }) === null,
    canConfirmServed: !client && confirmer && confirmServedRefusal({ status, serviceDate, clientToday, deadline, now }) === null,
    canDispute: client && confirmer && disputeRefusal({ status, servedConfirmedAt, now }) === null,
    canResolve: !client && viewer.role === 'ADMIN' && resolveDisputeRefusal({ status }) === null,
    canCorrectServed: !client && confirmer && correctServedRefusal({ status, servedConfirmedAt, now }) === null,
  };
}
