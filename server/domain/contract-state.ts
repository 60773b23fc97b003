import type { ContractStatus, ContractTransition } from '@/lib/enums';
import { DomainError } from './errors';

// ACTIVE ⇄ PAUSED, either → TERMINATED; TERMINATED is final.
const TRANSITIONS: Record<ContractStatus, Partial<Record<ContractTransition, ContractStatus>>> = {
  ACTIVE: { pause: 'PAUSED', terminate: 'TERMINATED' },
  PAUSED: { resume: 'ACTIVE', terminate: 'TERMINATED' },
  TERMINATED: {},
};

const PAST_TENSE: Record<ContractTransition, string> = {
  pause: 'paused',
  resume: 'resumed',
  terminate: 'terminated',
};

export function allowedContractActions(current: ContractStatus): ContractTransition[] {
  return Object.keys(TRANSITIONS[current]) as ContractTransition[];
}

/** The status after `action`, or CONFLICT when the action is not allowed from `current`. */
export function nextContractStatus(current: ContractStatus, action: ContractTransition): ContractStatus {
  const next = TRANSITIONS[current][action];
  if (next) return next;
  if (current === 'TERMINATED') {
    const verb = action === 'terminate' ? 'be terminated again' : `be ${PAST_TENSE[action]}`;
    throw new DomainError('CONFLICT', `This contract is terminated and cannot ${verb}.`);
  }
  if (current === 'ACTIVE' && action === 'resume') {
    throw new DomainError('CONFLICT', 'This contract is already active, so it cannot be resumed.');
  }
  if (current === 'PAUSED' && action === 'pause') {
    throw new DomainError('CONFLICT', 'This contract is already paused.');
  }
  throw new DomainError('CONFLICT', `A ${current.toLowerCase()} contract cannot be ${PAST_TENSE[action]}.`);
}
