import { describe, expect, it } from 'vitest';
import type { CompanyEventType, OutboxEvent } from './events';
import { companyIdsIn, recipientCompanyIds } from './recipients';

const parties = { contractId: 'k', cateringId: 'cat', clientId: 'cli', actorUserId: 'u' };
const created = (actorCompanyId: string | null): OutboxEvent<CompanyEventType> => ({
  eventType: 'contract.created',
  payload: { ...parties, actorCompanyId, generatedServiceDays: 0 },
});
const disputed: OutboxEvent<CompanyEventType> = {
  eventType: 'service_day.disputed',
  payload: { ...parties, actorCompanyId: 'cli', serviceDayId: 'd', serviceDate: '2026-03-02', servedQuantity: 20, reason: 'Short' },
};
const due: OutboxEvent<CompanyEventType> = {
  eventType: 'service_day.confirmation_due',
  payload: {
    clientId: 'cli',
    actorCompanyId: null,
    actorUserId: null,
    days: [{ serviceDayId: 'd', contractId: 'k', cateringId: 'cat2', serviceDate: '2026-03-03', deadline: '2026-03-02T11:00:00.000Z' }],
  },
};

describe('recipientCompanyIds', () => {
  it('tells the counterpart of the acting company', () => {
    expect(recipientCompanyIds(created('cat'))).toEqual(['cli']);
    expect(recipientCompanyIds(disputed)).toEqual(['cat']);
  });

  it('tells both parties about a system event', () => {
    expect(recipientCompanyIds(created(null))).toEqual(['cat', 'cli']);
  });

  it('tells the client about confirmations due', () => {
    expect(recipientCompanyIds(due)).toEqual(['cli']);
  });
});

describe('companyIdsIn', () => {
  it('names the parties and the actor, and every caterer of a digest', () => {
    expect(companyIdsIn(created('cat'))).toEqual(['cat', 'cli', 'cat']);
    expect(companyIdsIn(due)).toEqual(['cli', 'cat2']);
  });
});
