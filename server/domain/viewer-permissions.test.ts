import { describe, expect, it } from 'vitest';
import { contractActionsForViewer, serviceDayActionsForViewer, type Viewer } from './viewer-permissions';

const catererAdmin: Viewer = { companyType: 'CATERING', role: 'ADMIN' };
const catererManager: Viewer = { companyType: 'CATERING', role: 'MANAGER' };
const clientAdmin: Viewer = { companyType: 'CLIENT', role: 'ADMIN' };
const clientManager: Viewer = { companyType: 'CLIENT', role: 'MANAGER' };
const clientEmployee: Viewer = { companyType: 'CLIENT', role: 'EMPLOYEE' };
const catererEmployee: Viewer = { companyType: 'CATERING', role: 'EMPLOYEE' };

describe('contractActionsForViewer', () => {
  it('gives the caterer ADMIN the state actions plus edit until termination', () => {
    expect(contractActionsForViewer('ACTIVE', catererAdmin)).toEqual(['pause', 'terminate', 'edit']);
    expect(contractActionsForViewer('PAUSED', catererAdmin)).toEqual(['resume', 'terminate', 'edit']);
    expect(contractActionsForViewer('TERMINATED', catererAdmin)).toEqual([]);
  });

  it('gives the client ADMIN the state actions but never edit', () => {
    expect(contractActionsForViewer('ACTIVE', clientAdmin)).toEqual(['pause', 'terminate']);
    expect(contractActionsForViewer('PAUSED', clientAdmin)).toEqual(['resume', 'terminate']);
  });

  it('lets the client ADMIN accept or decline a proposal and the caterer ADMIN withdraw or edit it', () => {
    expect(contractActionsForViewer('PROPOSED', clientAdmin)).toEqual(['accept', 'decline']);
    expect(contractActionsForViewer('PROPOSED', catererAdmin)).toEqual(['withdraw', 'edit']);
    expect(contractActionsForViewer('PROPOSED', clientManager)).toEqual([]);
    expect(contractActionsForViewer('DECLINED', catererAdmin)).toEqual([]);
    expect(contractActionsForViewer('DECLINED', clientAdmin)).toEqual([]);
  });

  it('gives MANAGER and EMPLOYEE of either side nothing', () => {
    for (const viewer of [catererManager, clientManager, clientEmployee, catererEmployee]) {
      expect(contractActionsForViewer('ACTIVE', viewer)).toEqual([]);
    }
  });
});

const now = new Date('2026-04-01T08:00:00Z');
const base = {
  status: 'PENDING' as const,
  contractStatus: 'ACTIVE' as const,
  serviceDate: '2026-04-03',
  clientToday: '2026-04-01',
  deadline: new Date('2026-04-02T10:00:00Z'),
  now,
  servedConfirmedAt: null,
};

describe('serviceDayActionsForViewer', () => {
  it('lets the client ADMIN/MANAGER confirm a future PENDING day before its deadline, and nobody else', () => {
    expect(serviceDayActionsForViewer(base, clientAdmin)).toEqual({
      canConfirmExpected: true,
      canConfirmServed: false,
      canDispute: false,
      canResolve: false,
      canCorrectServed: false,
    });
    expect(serviceDayActionsForViewer(base, clientManager).canConfirmExpected).toBe(true);
    expect(serviceDayActionsForViewer(base, clientEmployee).canConfirmExpected).toBe(false);
    expect(serviceDayActionsForViewer(base, catererAdmin).canConfirmExpected).toBe(false);
  });

  it('closes expected confirmation at the deadline instant and on a paused contract', () => {
    expect(serviceDayActionsForViewer({ ...base, now: base.deadline }, clientAdmin).canConfirmExpected).toBe(false);
    expect(
      serviceDayActionsForViewer({ ...base, now: new Date(base.deadline.getTime() - 1) }, clientAdmin).canConfirmExpected,
    ).toBe(true);
    expect(serviceDayActionsForViewer({ ...base, contractStatus: 'PAUSED' }, clientAdmin).canConfirmExpected).toBe(false);
  });

  it('lets the caterer ADMIN/MANAGER confirm served on or after the service date once the quantity is locked', () => {
    const onTheDay = { ...base, status: 'EXPECTED_CONFIRMED' as const, clientToday: '2026-04-03', now: new Date('2026-04-03T13:00:00Z') };
    expect(serviceDayActionsForViewer(onTheDay, catererAdmin).canConfirmServed).toBe(true);
    expect(serviceDayActionsForViewer(onTheDay, catererManager).canConfirmServed).toBe(true);
    expect(serviceDayActionsForViewer(onTheDay, catererEmployee).canConfirmServed).toBe(false);
    expect(serviceDayActionsForViewer(onTheDay, clientAdmin).canConfirmServed).toBe(false);
    // The day before the service date: not yet.
    expect(serviceDayActionsForViewer({ ...onTheDay, clientToday: '2026-04-02' }, catererAdmin).canConfirmServed).toBe(false);
    // A PENDING day past its deadline is lockable, so served may be confirmed.
    expect(serviceDayActionsForViewer({ ...onTheDay, status: 'PENDING' }, catererAdmin).canConfirmServed).toBe(true);
  });

  it('lets the client dispute within seven days of the served confirmation', () => {
    const servedAt = new Date('2026-04-03T14:00:00Z');
    const served = { ...base, status: 'SERVED_CONFIRMED' as const, servedConfirmedAt: servedAt, clientToday: '2026-04-05' };
    const day = 24 * 60 * 60 * 1000;
    expect(serviceDayActionsForViewer({ ...served, now: new Date(servedAt.getTime() + 7 * day) }, clientManager).canDispute).toBe(true);
    expect(serviceDayActionsForViewer({ ...served, now: new Date(servedAt.getTime() + 7 * day + 1) }, clientManager).canDispute).toBe(false);
    expect(serviceDayActionsForViewer({ ...served, now: servedAt }, catererAdmin).canDispute).toBe(false);
  });

  it('lets only the caterer ADMIN resolve a DISPUTED day', () => {
    const disputed = { ...base, status: 'DISPUTED' as const, servedConfirmedAt: now };
    expect(serviceDayActionsForViewer(disputed, catererAdmin).canResolve).toBe(true);
    expect(serviceDayActionsForViewer(disputed, catererManager).canResolve).toBe(false);
    expect(serviceDayActionsForViewer(disputed, clientAdmin).canResolve).toBe(false);
    expect(serviceDayActionsForViewer({ ...disputed, status: 'SERVED_CONFIRMED' }, catererAdmin).canResolve).toBe(false);
  });
});

describe('canCorrectServed', () => {
  const served = { ...base, status: 'SERVED_CONFIRMED' as const, servedQuantity: 999, servedConfirmedAt: new Date('2026-04-01T07:00:00Z') };
  it('the caterer ADMIN/MANAGER within 24 hours of confirming, not when disputed, not the client', () => {
    expect(serviceDayActionsForViewer(served, catererAdmin).canCorrectServed).toBe(true);
    expect(serviceDayActionsForViewer(served, catererManager).canCorrectServed).toBe(true);
    expect(serviceDayActionsForViewer(served, clientAdmin).canCorrectServed).toBe(false);
    expect(serviceDayActionsForViewer({ ...served, status: 'DISPUTED' }, catererAdmin).canCorrectServed).toBe(false);
    expect(serviceDayActionsForViewer({ ...served, now: new Date('2026-04-02T07:00:01Z') }, catererAdmin).canCorrectServed).toBe(false);
  });
});
