import { describe, expect, it } from 'vitest';
import { recipientCompanyIds } from './payloads';

const base = { contractId: 'k', cateringId: 'cat', clientId: 'cli', actorUserId: 'u' };

describe('recipientCompanyIds', () => {
  it('tells the counterpart of the acting company', () => {
    expect(recipientCompanyIds('contract.created', { ...base, actorCompanyId: 'cat' })).toEqual(['cli']);
    expect(recipientCompanyIds('service_day.disputed', { ...base, actorCompanyId: 'cli' })).toEqual(['cat']);
  });

  it('tells both parties about a system event', () => {
    expect(recipientCompanyIds('service_day.expected_auto_locked', { ...base, actorCompanyId: null, actorUserId: null })).toEqual([
      'cat',
      'cli',
    ]);
  });

  it('tells the client about confirmations due', () => {
    expect(recipientCompanyIds('service_day.confirmation_due', { clientId: 'cli', actorCompanyId: null, days: [] })).toEqual(['cli']);
  });

  it('has no company recipients for email-only account events', () => {
    expect(recipientCompanyIds('user.invited', { email: 'a@b.c', token: 't' })).toEqual([]);
    expect(recipientCompanyIds('auth.password_reset_requested', { email: 'a@b.c', token: 't' })).toEqual([]);
  });
});
