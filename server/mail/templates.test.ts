import { linkToken } from '@/server/auth/tokens';
import { describe, expect, it } from 'vitest';
import { accountEmail, eventContent, eventEmail, messageIdFor, type MessageContext } from './templates';

const APP = 'https://app.chefops.test/';
const contract = { contractId: 'c-1', cateringId: 'cat', clientId: 'cli', actorUserId: 'u' };
const now = new Date('2026-12-01T20:00:00Z');
const companies = {
  cat: { name: 'Good Food Ltd', timeZone: 'America/New_York' },
  cli: { name: 'Acme Corp', timeZone: 'Europe/Warsaw' },
  cli2: { name: 'Chai Systems', timeZone: 'Asia/Kolkata' },
};
const forCaterer: MessageContext = { readerCompanyId: 'cat', companies, now };
const mailText = (m: ReturnType<typeof accountEmail>) => `${m.body}\n${m.action?.url ?? ''}`;
const forClient: MessageContext = { readerCompanyId: 'cli', companies, now };

describe('event messages', () => {
  it('a contract event names the counterpart and links to the contract', () => {
    const content = eventContent(
      {
        eventType: 'contract.paused',
        payload: { ...contract, actorCompanyId: 'cat', previousStatus: 'ACTIVE', status: 'PAUSED', lockedServiceDays: 0, removedServiceDays: 3 },
      },
      forClient,
    );
    expect(content).toMatchObject({ title: 'Contract with Good Food Ltd paused', path: '/contracts/c-1', category: 'contracts' });
    expect(content.body).toContain('Good Food Ltd paused your contract with Good Food Ltd');
    const mail = eventEmail({ id: 'e-1' }, content, 'boss@acme.test', APP);
    expect(mail).toMatchObject({
      to: 'boss@acme.test',
      subject: 'Contract with Good Food Ltd paused',
      action: { label: 'Open the contract', url: 'https://app.chefops.test/contracts/c-1' },
      unsubscribeUrl: 'https://app.chefops.test/settings/notifications?category=contracts',
      category: 'contracts',
      messageId: messageIdFor('e-1', 'boss@acme.test'),
    });
  });

  it('a new contract says when meal counts are due, on the client clock', () => {
    const notice = { noticeMode: 'BUSINESS_DAYS' as const, noticeHours: 24, noticeBusinessDays: 2, cutoffTime: '14:00' };
    const created = eventContent({ eventType: 'contract.created', payload: { ...contract, actorCompanyId: 'cat', generatedServiceDays: 5, notice } }, forClient);
    expect(created.body).toContain('Meal counts are due 2 business days before, by 14:00 (Europe/Warsaw).');
    const hours = eventContent(
      { eventType: 'contract.created', payload: { ...contract, actorCompanyId: 'cat', generatedServiceDays: 5, notice: { ...notice, noticeMode: 'HOURS' } } },
      forCaterer,
    );
    expect(hours.body).toContain('Meal counts are due 24 hours before delivery.');
    // Events written before notice modes carry no notice: the message stays as it was.
    const older = eventContent({ eventType: 'contract.created', payload: { ...contract, actorCompanyId: 'cat', generatedServiceDays: 5 } }, forClient);
    expect(older.body).not.toContain('due');
  });

  it('changed terms repeat the notice only when deadlines moved', () => {
    const notice = { noticeMode: 'BUSINESS_DAYS' as const, noticeHours: 24, noticeBusinessDays: 3, cutoffTime: '10:30' };
    const update = (changed: string[]) =>
      eventContent(
        {
          eventType: 'contract.updated',
          payload: { ...contract, actorCompanyId: 'cat', changed, notice, lockedServiceDays: 0, replacedServiceDays: 0, generatedServiceDays: 0 },
        },
        forClient,
      ).body;
    expect(update(['noticeMode', 'noticeBusinessDays'])).toContain('Meal counts are now due 3 business days before, by 10:30 (Europe/Warsaw).');
    expect(update(['deliveryTime'])).toContain('Meal counts are now due');
    expect(update(['pricePerMealCents'])).not.toContain('due');
  });

  it('names the contract when the pair has several', () => {
    const content = eventContent(
      { eventType: 'service_day.disputed', payload: { ...contract, actorCompanyId: 'cli', serviceDayId: 'd', serviceDate: '2026-12-02', servedQuantity: 30, reason: 'Short' } },
      { ...forCaterer, contracts: { 'c-1': 'contract from Mon, 2 Mar 2026' } },
    );
    expect(content.title).toBe("Resolve Acme Corp's dispute for Wed, 2 Dec");
    expect(content.body).toBe('Acme Corp disputed the served count for Wed, 2 Dec on your contract with Acme Corp (contract from Mon, 2 Mar 2026). Reason: Short');
  });

  it('the caterer of five locked days can tell each client apart', () => {
    const locked = (clientId: string) =>
      eventContent(
        { eventType: 'service_day.expected_auto_locked', payload: { ...contract, clientId, actorCompanyId: null, serviceDayId: 'd', serviceDate: '2026-12-02', expectedQuantity: 40 } },
        forCaterer,
      );
    expect(locked('cli').title).toBe('Prepare 40 meals for Acme Corp on Wed, 2 Dec');
    expect(locked('cli2').title).toBe('Prepare 40 meals for Chai Systems on Wed, 2 Dec');
    const client = eventContent(
      { eventType: 'service_day.expected_auto_locked', payload: { ...contract, actorCompanyId: null, serviceDayId: 'd', serviceDate: '2026-12-02', expectedQuantity: 40 } },
      forClient,
    );
    expect(client.title).toBe('Meal count for Wed, 2 Dec with Good Food Ltd locked at 40');
  });

  it('an expected-quantity confirmation says what to prepare, and the previous count', () => {
    const content = eventContent(
      {
        eventType: 'service_day.expected_confirmed',
        payload: { ...contract, actorCompanyId: 'cli', serviceDayId: 'd-1', serviceDate: '2026-12-03', previousQuantity: 30, quantity: 1 },
      },
      forCaterer,
    );
    expect(content.title).toBe('Prepare 1 meal for Acme Corp on Thu, 3 Dec');
    expect(content.body).toBe('Acme Corp confirmed 1 meal (was 30) for Thu, 3 Dec on your contract with Acme Corp.');
    expect(content.path).toBe('/service-days?contractId=c-1&from=2026-12-03&to=2026-12-03');
  });

  const digest = (clientId: string, deadlines: [string, string]) => ({
    eventType: 'service_day.confirmation_due' as const,
    payload: {
      clientId,
      actorCompanyId: null,
      actorUserId: null,
      days: [
        { serviceDayId: 'd2', contractId: 'c-1', cateringId: 'cat', serviceDate: '2026-12-04', deadline: deadlines[1] },
        { serviceDayId: 'd1', contractId: 'c-1', cateringId: 'cat', serviceDate: '2026-12-03', deadline: deadlines[0] },
      ],
    },
  });

  it('a reminder reads right in Warsaw: what to do, for whom, by when, in the reader’s zone', () => {
    const content = eventContent(digest('cli', ['2026-12-02T11:00:00.000Z', '2026-12-03T11:00:00.000Z']), forClient);
    expect(content.title).toBe('Confirm 2 days for Good Food Ltd by Wed 12:00');
    expect(content.body).toContain('- Thu, 3 Dec (Good Food Ltd): confirm by Wed, 2 Dec, 12:00 CET');
    expect(content.body).toContain('- Fri, 4 Dec (Good Food Ltd): confirm by Thu, 3 Dec, 12:00 CET');
    expect(content).toMatchObject({ path: '/service-days?contractId=c-1&from=2026-12-03&to=2026-12-04', category: 'reminders' });
  });

  it('a reminder reads right in New York and in Kolkata', () => {
    const ny = { ...companies, cli: { name: 'Acme Corp', timeZone: 'America/New_York' } };
    const content = eventContent(digest('cli', ['2026-12-02T14:37:00.000Z', '2026-12-03T14:37:00.000Z']), { ...forClient, companies: ny });
    expect(content.title).toBe('Confirm 2 days for Good Food Ltd by Wed 09:37');
    expect(content.body).toContain('confirm by Wed, 2 Dec, 09:37 EST');
    const kolkata = eventContent(digest('cli2', ['2026-12-02T06:30:00.000Z', '2026-12-03T06:30:00.000Z']), { ...forClient, readerCompanyId: 'cli2' });
    expect(kolkata.title).toBe('Confirm 2 days for Good Food Ltd by Wed 12:00');
    expect(kolkata.body).toContain('confirm by Wed, 2 Dec, 12:00 IST');
  });

  it('a deadline read outside the client’s zone shows both clocks', () => {
    // The caterer in New York reading a Warsaw client's deadline.
    const content = eventContent(digest('cli', ['2026-12-02T11:00:00.000Z', '2026-12-03T11:00:00.000Z']), forCaterer);
    expect(content.body).toContain('confirm by Wed, 2 Dec, 06:00 EST (12:00 CET for the client)');
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
    expect(mailText(mail)).toContain('boss@acme.test invited you to join Acme on ChefOps as manager');
    expect(mailText(mail)).toContain(`https://app.chefops.test/accept-invitation?token=${linkToken('invitation', invitationId)}`);
    // The same link on every retry or replay.
    expect(mailText(accountEmail({ id: 'e-3', eventType: 'user.invited', aggregateId: invitationId, payload: invitation }, APP))).toBe(mailText(mail));
  });

  it('an invitation to an address with an account elsewhere says so and carries no link', () => {
    const mail = accountEmail(
      { id: 'e-5', eventType: 'user.invited', aggregateId: invitationId, payload: { ...invitation, existingAccount: true as const } },
      APP,
    );
    expect(mailText(mail)).toContain('this address already has a ChefOps account');
    expect(mailText(mail)).not.toContain('accept-invitation');
  });

  it('an older event keeps the token it carried', () => {
    const mail = accountEmail({ id: 'e-6', eventType: 'user.invited', aggregateId: invitationId, payload: { ...invitation, token: 'tok/+1' } }, APP);
    expect(mailText(mail)).toContain('https://app.chefops.test/accept-invitation?token=tok%2F%2B1');
  });

  it('a password reset goes to the account email with a reset link', () => {
    const resetId = '3f1b2c4d-0000-4000-8000-000000000004';
    const mail = accountEmail({ id: 'e-4', eventType: 'auth.password_reset_requested', aggregateId: resetId, payload: { email: 'me@acme.test' } }, APP);
    expect(mail.to).toBe('me@acme.test');
    expect(mail.subject).toBe('Reset your ChefOps password');
    expect(mailText(mail)).toContain(`https://app.chefops.test/reset-password?token=${linkToken('password-reset', resetId)}`);
    expect(linkToken('password-reset', resetId)).not.toBe(linkToken('invitation', resetId));
    expect(mailText(mail)).toContain('15 minutes');
  });
});
