import { describe, expect, it } from 'vitest';
import type { ContractStatus, ContractTransition } from '@/lib/enums';
import { allowedContractActions, nextContractStatus } from './contract-state';

const conflict = (message: string) => expect.objectContaining({ code: 'CONFLICT', message });

describe('nextContractStatus', () => {
  it.each<[ContractStatus, ContractTransition, ContractStatus]>([
    ['ACTIVE', 'pause', 'PAUSED'],
    ['PAUSED', 'resume', 'ACTIVE'],
    ['ACTIVE', 'terminate', 'TERMINATED'],
    ['PAUSED', 'terminate', 'TERMINATED'],
    ['PROPOSED', 'accept', 'ACTIVE'],
    ['PROPOSED', 'decline', 'DECLINED'],
    ['PROPOSED', 'withdraw', 'DECLINED'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextContractStatus(from, action)).toBe(to);
  });

  it.each<[ContractStatus, ContractTransition, string]>([
    ['ACTIVE', 'resume', 'This contract is already active, so it cannot be resumed.'],
    ['PAUSED', 'pause', 'This contract is already paused.'],
    ['TERMINATED', 'resume', 'This contract is terminated and cannot be resumed.'],
    ['TERMINATED', 'pause', 'This contract is terminated and cannot be paused.'],
    ['TERMINATED', 'terminate', 'This contract is terminated and cannot be terminated again.'],
    ['PROPOSED', 'pause', 'This contract is a proposal the client has not accepted yet, so it cannot be paused.'],
    ['PROPOSED', 'terminate', 'This contract is a proposal the client has not accepted yet, so it cannot be terminated.'],
    ['PROPOSED', 'resume', 'This contract is a proposal the client has not accepted yet, so it cannot be resumed.'],
    ['ACTIVE', 'accept', 'This contract was already accepted, so it can no longer be accepted.'],
    ['PAUSED', 'decline', 'This contract was already accepted, so it can no longer be declined.'],
    ['ACTIVE', 'withdraw', 'This contract was already accepted, so it can no longer be withdrawn.'],
    ['TERMINATED', 'accept', 'This contract is terminated and cannot be accepted.'],
    ['DECLINED', 'accept', 'This proposal was declined or withdrawn, which is final: it cannot be accepted.'],
    ['DECLINED', 'withdraw', 'This proposal was declined or withdrawn, which is final: it cannot be withdrawn.'],
  ])('%s --%s--> CONFLICT', (from, action, message) => {
    expect(() => nextContractStatus(from, action)).toThrow(conflict(message));
  });
});

describe('allowedContractActions', () => {
  it('lists exactly the actions the state machine accepts', () => {
    expect(allowedContractActions('ACTIVE').sort()).toEqual(['pause', 'terminate']);
    expect(allowedContractActions('PAUSED').sort()).toEqual(['resume', 'terminate']);
    expect(allowedContractActions('TERMINATED')).toEqual([]);
    expect(allowedContractActions('DECLINED')).toEqual([]);
    expect(allowedContractActions('PROPOSED').sort()).toEqual(['accept', 'decline', 'withdraw']);
  });

  it('leaves the proposal answers to their side: the client accepts or declines, the caterer withdraws', () => {
    expect(allowedContractActions('PROPOSED', 'CLIENT').sort()).toEqual(['accept', 'decline']);
    expect(allowedContractActions('PROPOSED', 'CATERING')).toEqual(['withdraw']);
    expect(allowedContractActions('ACTIVE', 'CLIENT').sort()).toEqual(['pause', 'terminate']);
  });
});
