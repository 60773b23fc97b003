import { CONTRACT_TRANSITION_SIDE, type CompanyType, type ContractStatus, type ContractTransition } from '@/lib/enums';
import { DomainError } from './errors';

// PROPOSED → ACTIVE (accepted) | DECLINED (declined or withdrawn); ACTIVE ⇄ PAUSED, either →
// TERMINATED. DECLINED and TERMINATED are final.
const TRANSITIONS: Record<ContractStatus, Partial<Record<ContractTransition, ContractStatus>>> = {
  PROPOSED: { accept: 'ACTIVE', decline: 'DECLINED', withdraw: 'DECLINED' },
  ACTIVE: { pause: 'PAUSED', terminate: 'TERMINATED' },
  PAUSED: { resume: 'ACTIVE', terminate: 'TERMINATED' },
  TERMINATED: {},
  DECLINED: {},
};

const PAST_TENSE: Record<ContractTransition, string> = {
  accept: 'accepted',
  decline: 'declined',
  withdraw: 'withdrawn',
  pause: 'paused',
  resume: 'resumed',
  terminate: 'terminated',
};

const PROPOSAL_ANSWERS: ContractTransition[] = ['accept', 'decline', 'withdraw'];

/** The transitions the state machine allows from `current`, optionally only those `side` may make. */
export function allowedContractActions(current: ContractStatus, side?: CompanyType): ContractTransition[] {
  const actions = Object.keys(TRANSITIONS[current]) as ContractTransition[];
  return side ? actions.filter((a) => (CONTRACT_TRANSITION_SIDE[a] ?? side) === side) : actions;
}

/** The status after `action`, or CONFLICT when the action is not allowed from `current`. */
export function nextContractStatus(current: ContractStatus, action: ContractTransition): ContractStatus {
  const next = TRANSITIONS[current][action];
  if (next) return next;
  if (current === 'TERMINATED') {
    const verb = action === 'terminate' ? 'be terminated again' : `be ${PAST_TENSE[action]}`;
    throw new DomainError('CONFLICT', `This contract is terminated and cannot ${verb}.`);
  }
  if (current === 'DECLINED') {
    throw new DomainError('CONFLICT', `This proposal was declined or withdrawn, which is final: it cannot be ${PAST_TENSE[action]}.`);
  }
  if (current === 'PROPOSED') {
    throw new DomainError(
      'CONFLICT',
      `This contract is a proposal the client has not accepted yet, so it cannot be ${PAST_TENSE[action]}.`,
    );
  }
  if (PROPOSAL_ANSWERS.includes(action)) {
    throw new DomainError('CONFLICT', `This contract was already accepted, so it can no longer be ${PAST_TENSE[action]}.`);
  }
  if (current === 'ACTIVE' && action === 'resume') {
    throw new DomainError('CONFLICT', 'This contract is already active, so it cannot be resumed.');
  }
  if (current === 'PAUSED' && action === 'pause') {
    throw new DomainError('CONFLICT', 'This contract is already paused.');
  }
  throw new DomainError('CONFLICT', `A ${current.toLowerCase()} contract cannot be ${PAST_TENSE[action]}.`);
}
