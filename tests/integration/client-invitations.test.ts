import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { clientInvitations, companies } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { linkToken } from '@/server/auth/tokens';
import { drainOutbox } from '@/server/outbox/drain';
import { emailHandler } from '@/server/outbox/handlers/email';
import { addUser, callerFor, registerCompany, sessionForEmail, type Clock } from '../support/callers';
import { agreeContract, catererAndClient, contractTerms, fieldsOf, proposeContract, rejectionOf, snapshot } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const START = '2026-03-02T08:00:00Z'; // Monday
let n = 0;
const fresh = (name: string) => `${name}-${++n}-${Date.now()}@newclient.test`;
const visitor = (clock: Clock) => callerFor(t.db, null, clock, `10.9.${n % 250}.${(n * 7) % 250}`);

/** The token of the newest client invitation to `email` (what its e-mail links to). */
async function invitationToken(email: string) {
  const rows = await t.db.select().from(clientInvitations).where(eq(clientInvitations.email, email));
  const newest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
  return linkToken('client-invitation', newest.id);
}

async function inviteNewClient(options: { email?: string; companyName?: string; timezone?: string } = {}) {
  const clock: Clock = { now: new Date(START) };
  const caterer = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: 500, timezone: 'Europe/London' }, clock);
  const email = options.email ?? fresh('office');
  const proposal = await caterer.caller.contract.create({
    clientEmail: email,
    ...contractTerms(),
    inviteClient: { companyName: options.companyName ?? 'Nova Offices', timezone: options.timezone },
  });
  return { clock, caterer, email, proposal };
}

const registration = (email: string, token: string, overrides: Record<string, unknown> = {}) => ({
  companyType: 'CLIENT' as const,
  companyName: 'Nova Offices Ltd',
  email,
  password: 'correct horse battery',
  timezone: 'Europe/Warsaw',
  clientInvitationToken: token,
  ...overrides,
});

describe('finding the client by email', () => {
  it('matches the client company’s email or an active ADMIN’s; a MANAGER’s or a caterer’s is NOT_FOUND with the offer to invite', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client } = await catererAndClient(t.db, clock);
    const secondAdmin = await addUser(t.db, client.session.companyId, 'ADMIN', clock);
    const manager = await addUser(t.db, client.session.companyId, 'MANAGER', clock);
    const byAdmin = await caterer.caller.contract.create({ clientEmail: secondAdmin.session.email.toUpperCase(), ...contractTerms() });
    expect(byAdmin.clientId).toBe(client.session.companyId);
    const otherCaterer = await registerCompany(t.db, { companyType: 'CATERING' }, clock);
    const before = await snapshot(t.db);
    for (const clientEmail of [manager.session.email, otherCaterer.email, 'nobody@example.test']) {
      const error = await rejectionOf(caterer.caller.contract.create({ clientEmail, ...contractTerms() }));
      expect(error.code).toBe('NOT_FOUND');
      expect(fieldsOf(error)).toEqual(['clientEmail']);
      expect(error.message).toMatch(/add an invitation with the client’s company name/);
    }
    // An address of another account cannot become a new client company.
    for (const clientEmail of [manager.session.email, otherCaterer.email]) {
      const error = await rejectionOf(caterer.caller.contract.create({ clientEmail, ...contractTerms(), inviteClient: { companyName: 'X' } }));
      expect(error.code).toBe('CONFLICT');
      expect(fieldsOf(error)).toEqual(['clientEmail']);
    }
    expect(await snapshot(t.db)).toEqual(before);
    // inviteClient for a registered client just proposes: no invitation.
    const plain = await caterer.caller.contract.create({ clientEmail: client.email, ...contractTerms(), inviteClient: { companyName: 'Ignored' } });
    expect(plain.clientId).toBe(client.session.companyId);
    expect(await t.db.select().from(clientInvitations).where(eq(clientInvitations.contractId, plain.id))).toEqual([]);
  });
});

describe('contract.create {inviteClient}', () => {
  it('records the proposal for an invited client company and e-mails the terms with a 7-day link', async () => {
    const { caterer, email, proposal } = await inviteNewClient();
    expect(proposal).toMatchObject({ status: 'PROPOSED', clientName: 'Nova Offices', clientEmail: email, clientRegistered: false });
    const [company] = await t.db.select().from(companies).where(eq(companies.id, proposal.clientId));
    expect(company).toMatchObject({ status: 'INVITED', companyType: 'CLIENT' });
    const [invitation] = await t.db.select().from(clientInvitations).where(eq(clientInvitations.contractId, proposal.id));
    expect(invitation!.expiresAt).toEqual(new Date('2026-03-09T08:00:00Z'));
    expect(invitation!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    await drainOutbox(t.db, { now: new Date(Date.now() + 1000), handlers: [emailHandler('http://x.test')] });
    const [mail] = await queryRows<{ subject: string; body: string; action_url: string; secret_link: boolean }>(
      t.db,
      sql`select subject, body, action_url, secret_link from email_deliveries where recipient = ${email}`,
    );
    const catererName = proposal.cateringName;
    expect(mail!.subject).toBe(`${catererName} proposes a catering contract to Nova Offices`);
    expect(mail!.body).toContain('Meals per day: 20 by default, between 10 and 40');
    expect(mail!.body).toContain('The link works once and for 7 days.');
    expect(mail!.action_url).toBe(`http://x.test/register?token=${encodeURIComponent(await invitationToken(email))}`);
    expect(mail!.secret_link).toBe(true);

    // The caterer's list shows it; another proposal to the same address reuses the invited company.
    const again = await caterer.caller.contract.create({ clientEmail: email, ...contractTerms(), inviteClient: { companyName: 'Nova' } });
    expect(again.clientId).toBe(proposal.clientId);
    // Without an invitation the unregistered address is still unknown.
    expect((await rejectionOf(caterer.caller.contract.create({ clientEmail: email, ...contractTerms() }))).code).toBe('NOT_FOUND');
  });

  it('words the invitation in the client office’s zone the caterer names (the caterer’s own when omitted), and registering keeps it', async () => {
    const { clock, email, proposal } = await inviteNewClient({ timezone: 'America/New_York' });
    const [company] = await t.db.select().from(companies).where(eq(companies.id, proposal.clientId));
    expect(company).toMatchObject({ timezone: 'America/New_York', currency: 'USD' });
    await drainOutbox(t.db, { now: new Date(Date.now() + 1000), handlers: [emailHandler('http://x.test')] });
    const [mail] = await queryRows<{ body: string }>(t.db, sql`select body from email_deliveries where recipient = ${email}`);
    expect(mail!.body).toContain('delivery at 12:00 (America/New_York)');
    expect(mail!.body).not.toContain('Europe/London');
    const token = await invitationToken(email);
    expect(await visitor(clock).auth.clientInvitation({ token })).toMatchObject({ timezone: 'America/New_York' });
    // A form that sends no zone keeps the one the terms were worded in.
    await visitor(clock).auth.register(registration(email, token, { timezone: undefined }));
    const [registered] = await t.db.select().from(companies).where(eq(companies.id, proposal.clientId));
    expect(registered).toMatchObject({ status: 'ACTIVE', timezone: 'America/New_York' });

    const byDefault = await inviteNewClient();
    const [invited] = await t.db.select().from(companies).where(eq(companies.id, byDefault.proposal.clientId));
    expect(invited!.timezone).toBe('Europe/London');
    // A zone that does not exist is refused beside its field, and nothing is recorded.
    const before = await snapshot(t.db);
    const bad = await rejectionOf(
      byDefault.caterer.caller.contract.create({ clientEmail: fresh('bad-zone'), ...contractTerms(), inviteClient: { companyName: 'Z', timezone: 'Mars/Olympus' } }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad)).toEqual(['inviteClient.timezone']);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('the link pre-fills the register page (auth.clientInvitation); a made-up token says it is not valid', async () => {
    const { clock, email, proposal } = await inviteNewClient();
    const info = await visitor(clock).auth.clientInvitation({ token: await invitationToken(email) });
    expect(info).toEqual({ problem: null, email, companyName: 'Nova Offices', cateringName: proposal.cateringName, timezone: 'Europe/London' });
    const bad = await visitor(clock).auth.clientInvitation({ token: 'made-up' });
    expect(bad).toMatchObject({ email: null, problem: expect.stringMatching(/is not valid/) });
  });
});

describe('auth.register {clientInvitationToken}', () => {
  it('registers the invited client company, once; its ADMIN finds the proposal and accepts it, and the first days appear', async () => {
    const { clock, caterer, email, proposal } = await inviteNewClient();
    const token = await invitationToken(email);
    const answer = await visitor(clock).auth.register(registration(email, token));
    expect(answer).toEqual({ companyId: proposal.clientId, userId: expect.any(String), proposalId: proposal.id });
    const [company] = await t.db.select().from(companies).where(eq(companies.id, proposal.clientId));
    expect(company).toMatchObject({ status: 'ACTIVE', name: 'Nova Offices Ltd', timezone: 'Europe/Warsaw', email });

    const admin = callerFor(t.db, await sessionForEmail(t.db, email), clock);
    const seen = await admin.contract.get({ id: proposal.id });
    expect(seen).toMatchObject({ status: 'PROPOSED', viewerSide: 'CLIENT', allowedActions: ['accept', 'decline'], clientRegistered: true });
    await admin.contract.accept({ id: proposal.id });
    const days = await admin.serviceDay.list({ contractId: proposal.id, from: '2026-03-01', to: '2026-03-31' });
    expect(days.length).toBeGreaterThan(0);
    expect((await caterer.caller.contract.counterparties()).map((c) => c.id)).toEqual([proposal.clientId]);

    // Single use: the same link again is refused, whoever tries.
    const reuse = await rejectionOf(visitor(clock).auth.register(registration(fresh('again'), token)));
    expect(reuse.code).toBe('BAD_REQUEST');
    expect(fieldsOf(reuse)).toEqual(['clientInvitationToken']);
    expect(reuse.message).toMatch(/already been used/);
  });

  it('an invitation expires after 7 days; signing up without the link for an invited address points to the link', async () => {
    const { clock, email } = await inviteNewClient();
    const token = await invitationToken(email);
    const before = await snapshot(t.db);
    const direct = await rejectionOf(
      visitor(clock).auth.register({ companyType: 'CLIENT', companyName: 'Nova', email, password: 'correct horse battery' }),
    );
    expect(direct).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/register from the link in that email/) });
    clock.now = new Date('2026-03-09T08:00:01Z');
    const expired = await rejectionOf(visitor(clock).auth.register(registration(email, token)));
    expect(expired.code).toBe('BAD_REQUEST');
    expect(expired.message).toMatch(/has expired/);
    expect(await snapshot(t.db)).toEqual(before);
    expect((await visitor(clock).auth.clientInvitation({ token })).problem).toMatch(/has expired/);
  });

  it('may register under another address of the invitee; an address in use is CONFLICT; a caterer cannot use the link', async () => {
    const { clock, email, proposal } = await inviteNewClient();
    const token = await invitationToken(email);
    const taken = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
    expect((await rejectionOf(visitor(clock).auth.register(registration(taken.email, token)))).code).toBe('CONFLICT');
    const asCaterer = await rejectionOf(visitor(clock).auth.register(registration(fresh('kitchen'), token, { companyType: 'CATERING', dailyCapacity: 10 })));
    expect(asCaterer.code).toBe('BAD_REQUEST');
    const own = fresh('boss');
    const answer = await visitor(clock).auth.register(registration(own, token));
    expect(answer.proposalId).toBe(proposal.id);
    const session = await sessionForEmail(t.db, own);
    expect(session).toMatchObject({ companyId: proposal.clientId, role: 'ADMIN', companyType: 'CLIENT' });
  });
});

describe('contract.counterparties', () => {
  it('lists the clients with an accepted contract (active, paused or terminated), not proposals; caterers only', async () => {
    const clock: Clock = { now: new Date(START) };
    const { caterer, client, catererManager } = await catererAndClient(t.db, clock);
    const paused = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Beta Paused' }, clock);
    const ended = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Gamma Ended' }, clock);
    const proposed = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Delta Proposed' }, clock);
    await agreeContract(caterer, client);
    await caterer.caller.contract.pause({ id: (await agreeContract(caterer, paused)).id });
    await caterer.caller.contract.terminate({ id: (await agreeContract(caterer, ended)).id });
    await proposeContract(caterer, proposed);
    const declined = await proposeContract(caterer, proposed);
    await proposed.caller.contract.decline({ id: declined.id, reason: 'No.' });
    const list = await catererManager.caller.contract.counterparties();
    expect(list.map((c) => c.id).sort()).toEqual([client.session.companyId, paused.session.companyId, ended.session.companyId].sort());
    expect(list.find((c) => c.id === paused.session.companyId)).toEqual({ id: paused.session.companyId, name: 'Beta Paused', email: paused.email });
    // Another caterer sees none of them; clients may not ask.
    const other = await registerCompany(t.db, { companyType: 'CATERING' }, clock);
    expect(await other.caller.contract.counterparties()).toEqual([]);
    expect((await rejectionOf(client.caller.contract.counterparties())).code).toBe('FORBIDDEN');
  });
});
