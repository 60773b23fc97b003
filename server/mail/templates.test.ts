import { linkToken } from '@/server/auth/tokens';
import { describe, expect, it } from 'vitest';
import { accountEmail, eventContent, eventEmail, messageIdFor } from './templates';

const APP = 'https://app.chefops.test/';
const contract = { contractId: 'c-1', cateringId: 'cat', clientId: 'cli', actorUserId: 'u' };
const names = { cat: 'Good Food Ltd', cli: 'Acme Offices' };

describe('event emails', () => {
  it('a contract event links to the contract and names who acted', () => {
    const mail = eventEmail(
      {
        id: 'e-1',
        eventType: 'contract.paused',
        payload: { ...contract, actorCompanyId: 'cat', previousStatus: 'ACTIVE', status: 'PAUSED', lockedServiceDays: 0, removedServiceDays: 3 },
      },
      'boss@acme.test',
      APP,
      names,
    );
    expect(mail.to).toBe('boss@acme.test');
    expect(mail.subject).toBe('ChefOps: Contract paused');
    expect(mail.text).toContain('Good Food Ltd paused your catering contract');
    expect(mail.text).toContain('https://app.chefops.test/contracts/c-1');
  });

  it('a service-day event links to that day in its contract', () => {
    const mail = eventEmail(
      {
        id: 'e-2',
        eventType: 'service_day.served_confirmed',
        payload: { ...contract, actorCompanyId: 'cat', serviceDayId: 'd-1', serviceDate: '2026-03-02', expectedQuantity: 40, servedQuantity: 41 },
      },
      'boss@acme.test',
      APP,
    );
    expect(mail.subject).toBe('ChefOps: Served meals confirmed for 2026-03-02');
    expect(mail.text).toContain('41 meals served on 2026-03-02');
    expect(mail.text).toContain('https://app.chefops.test/service-days?contractId=c-1&from=2026-03-02&to=2026-03-02');
  });

  it('an expected-quantity confirmation says the confirmed count, not the previous one', () => {
    const content = eventContent(
      {
        eventType: 'service_day.expected_confirmed',
        payload: { ...contract, actorCompanyId: 'cli', serviceDayId: 'd-1', serviceDate: '2026-03-02', previousQuantity: 30, quantity: 1 },
      },
      names,
    );
    expect(content.body).toBe('Acme Offices confirmed 1 meal for 2026-03-02.');
  });

  it('the confirmation digest lists every due day and spans them in its link', () => {
    const content = eventContent(
      {
        eventType: 'service_day.confirmation_due',
        payload: {
          clientId: 'cli',
          actorCompanyId: null,
          actorUserId: null,
          days: [
            { serviceDayId: 'd2', contractId: 'c-1', cateringId: 'cat', serviceDate: '2026-03-04', deadline: '2026-03-03T11:00:00.000Z' },
            { serviceDayId: 'd1', contractId: 'c-1', cateringId: 'cat', serviceDate: '2026-03-03', deadline: '2026-03-02T11:00:00.000Z' },
          ],
        },
      },
      names,
    );
    expect(content.title).toBe('2 days need your meal count soon');
    expect(content.body).toContain('- 2026-03-03 from Good Food Ltd: confirm by 2026-03-02 11:00 (UTC)');
    expect(content.path).toBe('/service-days?contractId=c-1&from=2026-03-03&to=2026-03-04');
  });

  it('the Message-ID is stable per event and recipient, and differs between recipients', () => {
    expect(messageIdFor('e-1', 'A@x.test')).toBe(messageIdFor('e-1', 'a@x.test'));
    expect(messageIdFor('e-1', 'a@x.test')).not.toBe(messageIdFor('e-1', 'b@x.test'));
    expect(messageIdFor('e-1', 'a@x.test')).toMatch(/^<e-1\.[0-9a-f]{16}@chefops>$/);
  });
});

describe('account emails', () => {
  const invitation = { email: 'new@acme.test', companyName: 'Acme', role: 'MANAGER' as const, invitedByEmail: 'boss@acme.test' };
  const invitationId = '3f1b2c4d-0000-4000-8000-000000000003';

  it('an invitation goes to the invitee with the link token derived from the invitation (none in the payload)', () => {
    const mail = accountEmail({ id: 'e-3', eventType: 'user.invited', aggregateId: invitationId, payload: invitation }, APP);
    expect(mail.to).toBe('new@acme.test');
    expect(mail.subject).toBe('You are invited to join Acme on ChefOps');
    expect(mail.text).toContain('boss@acme.test invited you to join Acme on ChefOps as manager');
    expect(mail.text).toContain(`https://app.chefops.test/accept-invitation?token=${linkToken('invitation', invitationId)}`);
    // The same link on every retry or replay.
    expect(accountEmail({ id: 'e-3', eventType: 'user.invited', aggregateId: invitationId, payload: invitation }, APP).text).toBe(mail.text);
  });

  it('an invitation to an address with an account elsewhere says so and carries no link', () => {
    const mail = accountEmail(
      { id: 'e-5', eventType: 'user.invited', aggregateId: invitationId, payload: { ...invitation, existingAccount: true as const } },
      APP,
    );
    expect(mail.text).toContain('this address already has a ChefOps account');
    expect(mail.text).not.toContain('accept-invitation');
  });

  it('an older event keeps the token it carried', () => {
    const mail = accountEmail({ id: 'e-6', eventType: 'user.invited', aggregateId: invitationId, payload: { ...invitation, token: 'tok/+1' } }, APP);
    expect(mail.text).toContain('https://app.chefops.test/accept-invitation?token=tok%2F%2B1');
  });

  it('a password reset goes to the account email with a reset link', () => {
    const resetId = '3f1b2c4d-0000-4000-8000-000000000004';
    const mail = accountEmail({ id: 'e-4', eventType: 'auth.password_reset_requested', aggregateId: resetId, payload: { email: 'me@acme.test' } }, APP);
    expect(mail.to).toBe('me@acme.test');
    expect(mail.subject).toBe('Reset your ChefOps password');
    expect(mail.text).toContain(`https://app.chefops.test/reset-password?token=${linkToken('password-reset', resetId)}`);
    expect(linkToken('password-reset', resetId)).not.toBe(linkToken('invitation', resetId));
    expect(mail.text).toContain('15 minutes');
  });
});
