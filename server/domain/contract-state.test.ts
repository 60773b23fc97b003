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
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextContractStatus(from, action)).toBe(to);
  });

  it.each<[ContractStatus, ContractTransition, string]>([
    ['ACTIVE', 'resume', 'This contract is already active, so it cannot be resumed.'],
    ['PAUSED', 'pause', 'This contract is already paused.'],
    ['TERMINATED', 'resume', 'This contract is terminated and cannot be resumed.'],
    ['TERMINATED', 'pause', 'This contract is terminated and cannot be paused.'],
    ['TERMINATED', 'terminate', 'This contract is terminated and cannot be terminated again.'],
  ])('%s --%s--> CONFLICT', (from, action, message) => {
    expect(() => nextContractStatus(from, action)).toThrow(conflict(message));
  });
});

describe('allowedContractActions', () => {
  it('lists exactly the actions the state machine accepts', () => {
    expect(allowedContractActions('ACTIVE').sort()).toEqual(['pause', 'terminate']);
    expect(allowedContractActions('PAUSED').sort()).toEqual(['resume', 'terminate']);
    expect(allowedContractActions('TERMINATED')).toEqual([]);
  });
});
