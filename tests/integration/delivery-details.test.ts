import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../support/callers';
import { agreeContract, catererAndClient, fieldsOf, rejectionOf } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const DETAILS = {
  deliveryAddress: 'ul. Żółkiewskiego 12, 00-950 Łódź',
  deliveryInstructions: 'Loading dock at the back, 2nd floor kitchen.',
  siteContactName: 'Paweł Wąsik',
  siteContactPhone: '+48 601 234 567',
};

async function setup() {
  const clock: Clock = { now: new Date('2026-03-02T08:00:00Z') };
  const parties = await catererAndClient(t.db, clock);
  const contract = await agreeContract(parties.caterer, parties.client);
  return { ...parties, contract };
}

describe('delivery details', () => {
  it('a client ADMIN sets them; its caterer reads them on the contract; they are trimmed and can be cleared', async () => {
    const { caterer, client, contract } = await setup();
    const me = await client.caller.company.update({ ...DETAILS, siteContactName: '  Paweł Wąsik  ' });
    expect(me.delivery).toEqual(DETAILS);
    expect((await caterer.caller.contract.get({ id: contract.id })).clientDelivery).toEqual(DETAILS);
    expect((await client.caller.contract.get({ id: contract.id })).clientDelivery).toEqual(DETAILS);
    // One field at a time; '' and null clear, the others stay.
    const cleared = await client.caller.company.update({ deliveryInstructions: '', siteContactPhone: null });
    expect(cleared.delivery).toEqual({ ...DETAILS, deliveryInstructions: null, siteContactPhone: null });
    expect((await caterer.caller.company.me()).delivery).toBeNull();
  });

  it('bad input is BAD_REQUEST at the field and changes nothing', async () => {
    const { client } = await setup();
    await client.caller.company.update(DETAILS);
    const cases: [Record<string, unknown>, string][] = [
      [{ deliveryAddress: 'x'.repeat(501) }, 'deliveryAddress'],
      [{ deliveryInstructions: 'x'.repeat(1001) }, 'deliveryInstructions'],
      [{ siteContactName: 'x'.repeat(256) }, 'siteContactName'],
      [{ siteContactPhone: 'call me' }, 'siteContactPhone'],
      [{ siteContactPhone: 42 }, 'siteContactPhone'],
    ];
    for (const [input, field] of cases) {
      const error = await rejectionOf(client.caller.company.update(input as never));
      expect(error.code, field).toBe('BAD_REQUEST');
      expect(fieldsOf(error), field).toContain(field);
    }
    expect((await client.caller.company.me()).delivery).toEqual(DETAILS);
  });

  it('only a client has them (a caterer is refused at the field); only an ADMIN changes them', async () => {
    const { caterer, client, clientManager, clientEmployee } = await setup();
    const error = await rejectionOf(caterer.caller.company.update({ deliveryAddress: 'Our kitchen' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldsOf(error)).toEqual(['deliveryAddress']);
    for (const member of [clientManager, clientEmployee]) {
      expect((await rejectionOf(member.caller.company.update(DETAILS))).code).toBe('FORBIDDEN');
    }
    expect((await client.caller.company.me()).delivery).toEqual({ deliveryAddress: null, deliveryInstructions: null, siteContactName: null, siteContactPhone: null });
  });

  it('another tenant never sees them: its contract.get of this contract is NOT_FOUND', async () => {
    const { client, contract } = await setup();
    await client.caller.company.update(DETAILS);
    const other = await catererAndClient(t.db, { now: new Date('2026-03-02T08:00:00Z') });
    expect((await rejectionOf(other.caterer.caller.contract.get({ id: contract.id }))).code).toBe('NOT_FOUND');
    expect((await other.client.caller.company.me()).delivery?.deliveryAddress).toBeNull();
  });
});
