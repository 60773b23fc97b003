import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { registerCompany, type Clock } from '../support/callers';
import { agreeContract, catererAndClient, rejectionOf } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';
import { pdfText } from '../support/pdf-text';
import { exportStatement } from '@/server/services/statements/export';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** Days of a past month, written as generation would have (dates Mon–Fri of March 2026). */
async function addDays(contractId: string, dates: string[], status = 'EXPECTED_CONFIRMED') {
  for (const date of dates) {
    await t.db.execute(sql`insert into service_days (contract_id, service_date, day_of_week, expected_quantity, confirmation_deadline, status)
      values (${contractId}, ${date}::date, extract(isodow from ${date}::date)::smallint, 20, ${date}::date - interval '1 day', ${status}::service_day_status)`);
  }
}

async function dayId(contractId: string, date: string) {
  const [row] = await queryRows<{ id: string }>(t.db, sql`select id from service_days where contract_id = ${contractId} and service_date = ${date}::date`);
  return row!.id;
}

// April 2026: March is over.
const NOW = '2026-04-10T09:00:00Z';

async function billedPair() {
  const clock: Clock = { now: new Date('2026-02-20T09:00:00Z') };
  const parties = await catererAndClient(t.db, clock);
  await parties.caterer.caller.company.update({ vatRateBasisPoints: 800, statementPrefix: 'FV' });
  const contract = await agreeContract(parties.caterer, parties.client, { startDate: '2026-03-01', endDate: '2026-12-31', pricePerMealCents: 1500, poNumber: 'PO-77', costCenter: 'CC-Kitchen' });
  clock.now = new Date('2026-03-10T09:00:00Z');
  await parties.caterer.caller.contract.update({ id: contract.id, pricePerMealCents: 1700, priceEffectiveFrom: '2026-03-16' });
  // The generated days are replaced by a known set.
  await t.db.execute(sql`delete from service_days where contract_id = ${contract.id}`);
  await addDays(contract.id, ['2026-03-02', '2026-03-03', '2026-03-16', '2026-03-17']);
  clock.now = new Date(NOW);
  for (const [date, served] of [['2026-03-02', 18], ['2026-03-03', 20], ['2026-03-16', 19]] as const) {
    await parties.caterer.caller.serviceDay.confirmServed({ id: await dayId(contract.id, date), quantity: served });
  }
  return { ...parties, clock, contract };
}

describe('statements', () => {
  it('a draft bills settled days per contract and price period, lists blocking days, and cannot be issued until they are settled', async () => {
    const { caterer, client, contract } = await billedPair();
    const draft = await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-03' });
    expect(draft).toMatchObject({ status: 'DRAFT', number: null, canIssue: true });
    expect(draft.content.lines.map((l) => [l.periodFrom, l.pricePerMealCents, l.days, l.meals, l.netCents, l.vatCents, l.grossCents])).toEqual([
      ['2026-03-01', 1500, 2, 38, 57_000, 4_560, 61_560],
      ['2026-03-16', 1700, 1, 19, 32_300, 2_584, 34_884],
    ]);
    expect(draft.content.totals).toEqual([{ currency: 'EUR', netCents: 89_300, vatCents: 7_144, grossCents: 96_444 }]);
    expect(draft.content.blocking.map((b) => [b.serviceDate, b.status])).toEqual([['2026-03-17', 'EXPECTED_CONFIRMED']]);
    expect(draft.contracts).toEqual([expect.objectContaining({ id: contract.id, poNumber: 'PO-77', costCenter: 'CC-Kitchen' })]);
    // The client does not see drafts.
    expect((await rejectionOf(client.caller.statement.get({ id: draft.id }))).code).toBe('NOT_FOUND');
    expect(await client.caller.statement.list()).toEqual([]);

    const blocked = await rejectionOf(caterer.caller.statement.issue({ id: draft.id }));
    expect(blocked.code).toBe('PRECONDITION_FAILED');
    expect(blocked.message).toMatch(/2026-03-17/);
    // A draft follows the rows: serving the last day adds it.
    await caterer.caller.serviceDay.confirmServed({ id: await dayId(contract.id, '2026-03-17'), quantity: 20 });
    const issued = await caterer.caller.statement.issue({ id: draft.id });
    expect(issued).toMatchObject({ status: 'ISSUED', number: 'FV-2026-0001', canIssue: false, canMarkPaid: true });
    expect(issued.content.totals[0]!.netCents).toBe(89_300 + 20 * 1700);
    expect(await client.caller.statement.get({ id: draft.id })).toMatchObject({ number: 'FV-2026-0001', totals: issued.content.totals });
    const [event] = await queryRows<{ payload: { number: string } }>(t.db, sql`select payload from outbox_events where aggregate_id = ${draft.id}`);
    expect(event!.payload.number).toBe('FV-2026-0001');
  });

  it('issued is immutable: a later change lands on the next statement as a correction; price and VAT changes do not touch it', async () => {
    const { caterer, client, clock, contract } = await billedPair();
    await caterer.caller.serviceDay.confirmServed({ id: await dayId(contract.id, '2026-03-17'), quantity: 20 });
    const march = await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-03' });
    const issued = await caterer.caller.statement.issue({ id: march.id });
    // The client disputes the 16th (within 7 days of the served count), the caterer agrees to 15.
    const sixteenth = await dayId(contract.id, '2026-03-16');
    await client.caller.serviceDay.dispute({ id: sixteenth, reason: 'We counted 15.' });
    await caterer.caller.serviceDay.resolveDispute({ id: sixteenth, servedQuantity: 15, note: 'Agreed.' });
    await caterer.caller.company.update({ vatRateBasisPoints: 2300 });
    expect((await caterer.caller.statement.get({ id: march.id })).content).toEqual(issued.content);

    clock.now = new Date('2026-05-05T09:00:00Z');
    const april = await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-04' });
    expect(april.content.lines).toEqual([
      expect.objectContaining({ kind: 'CORRECTION', firstDate: '2026-03-16', meals: -4, netCents: -4 * 1700, vatCents: -1_564 }),
    ]);
    const aprilIssued = await caterer.caller.statement.issue({ id: april.id });
    expect(aprilIssued.number).toBe('FV-2026-0002');
    // Once credited, nothing is billed twice.
    const may = await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-05' });
    expect(may.content.lines).toEqual([]);
    expect(may.canIssue).toBe(false);
  });

  it('an unsettled day can be left off on purpose; it stays billable later', async () => {
    const { caterer, client, clock, contract } = await billedPair();
    const seventeenth = await dayId(contract.id, '2026-03-17');
    const march = await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-03' });
    expect((await caterer.caller.statement.issue({ id: march.id, excludeServiceDayIds: [seventeenth] })).content.blocking).toEqual([]);
    await caterer.caller.serviceDay.confirmServed({ id: seventeenth, quantity: 20 });
    clock.now = new Date('2026-05-05T09:00:00Z');
    const april = await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-04' });
    expect(april.content.items.map((i) => [i.serviceDate, i.kind, i.quantity])).toEqual([['2026-03-17', 'SERVICE', 20]]);
  });

  it('numbers are distinct and consecutive under 8 parallel issues', async () => {
    const clock: Clock = { now: new Date('2026-03-01T09:00:00Z') };
    const caterer = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: 5000 }, clock);
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const client = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
      const contract = await agreeContract(caterer, client, { startDate: '2026-03-01' });
      await t.db.execute(sql`delete from service_days where contract_id = ${contract.id}`);
      await addDays(contract.id, ['2026-03-02'], 'SERVED_CONFIRMED');
      await t.db.execute(sql`update service_days set served_quantity = 20, served_quantity_confirmed_at = now() where contract_id = ${contract.id}`);
      clock.now = new Date(NOW);
      ids.push((await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-03' })).id);
      clock.now = new Date('2026-03-01T09:00:00Z');
    }
    clock.now = new Date(NOW);
    const issued = await Promise.all(ids.map((id) => caterer.caller.statement.issue({ id })));
    expect(issued.map((s) => s.number).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `ST-2026-${String(i + 1).padStart(4, '0')}`));
    // Issuing again is CONFLICT, and the sequence has no gap.
    expect((await rejectionOf(caterer.caller.statement.issue({ id: ids[0]! }))).code).toBe('CONFLICT');
  });

  it('the year on the number is the caterer’s own: just after midnight on 1 January in Warsaw it is the new year, in UTC still the old', async () => {
    const clock: Clock = { now: new Date('2026-11-20T09:00:00Z') };
    async function servedDecember(timezone: string) {
      const caterer = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: 500, timezone }, clock);
      const client = await registerCompany(t.db, { companyType: 'CLIENT' }, clock);
      const contract = await agreeContract(caterer, client, { startDate: '2026-11-23', endDate: '2027-03-31' });
      await t.db.execute(sql`delete from service_days where contract_id = ${contract.id}`);
      await addDays(contract.id, ['2026-12-14'], 'SERVED_CONFIRMED');
      await t.db.execute(sql`update service_days set served_quantity = 20, served_quantity_confirmed_at = now() where contract_id = ${contract.id}`);
      return { caterer, client };
    }
    const warsaw = await servedDecember('Europe/Warsaw');
    const utc = await servedDecember('UTC');
    // 23:30 UTC on 31 December = 00:30 on 1 January in Warsaw.
    clock.now = new Date('2026-12-31T23:30:00Z');
    for (const { caterer, client } of [warsaw, utc]) {
      const draft = await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-12' });
      const issued = await caterer.caller.statement.issue({ id: draft.id });
      expect(issued.number).toBe(caterer === warsaw.caterer ? 'ST-2027-0001' : 'ST-2026-0001');
    }
  });

  it('markPaid, roles and tenants: another caterer and clients get NOT_FOUND/FORBIDDEN; bad input changes nothing', async () => {
    const { caterer, client, catererManager, contract } = await billedPair();
    const march = await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-03' });
    const stranger = await registerCompany(t.db, { companyType: 'CATERING' });
    expect((await rejectionOf(stranger.caller.statement.get({ id: march.id }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(stranger.caller.statement.issue({ id: march.id }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(stranger.caller.statement.create({ clientId: client.session.companyId, month: '2026-03' }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(catererManager.caller.statement.issue({ id: march.id }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(client.caller.statement.create({ clientId: client.session.companyId, month: '2026-03' }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-13' }))).code).toBe('BAD_REQUEST');
    expect((await rejectionOf(caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-05' }))).code).toBe('BAD_REQUEST');
    expect((await rejectionOf(caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-03' }))).code).toBe('CONFLICT');
    expect((await rejectionOf(caterer.caller.statement.markPaid({ id: march.id, paidOn: '2026-04-20' }))).code).toBe('CONFLICT');

    await caterer.caller.statement.issue({ id: march.id, excludeServiceDayIds: [await dayId(contract.id, '2026-03-17')] });
    expect((await rejectionOf(caterer.caller.statement.markPaid({ id: march.id, paidOn: '2026-02-30' }))).code).toBe('BAD_REQUEST');
    const paid = await caterer.caller.statement.markPaid({ id: march.id, paidOn: '2026-04-20' });
    expect(paid).toMatchObject({ status: 'PAID', paidOn: '2026-04-20', canMarkPaid: false });
    expect((await client.caller.statement.list({ status: 'PAID' })).map((s) => s.id)).toEqual([march.id]);
  });
});

describe('statement PDF and CSV', () => {
  it('the issued statement downloads as a PDF with its number, parties and totals, and as CSV; drafts and strangers do not', async () => {
    const { caterer, client, contract } = await billedPair();
    const march = await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-03' });
    expect((await exportStatement(t.db, caterer.session, `${march.id}.pdf`)).status).toBe(409);
    await caterer.caller.statement.issue({ id: march.id, excludeServiceDayIds: [await dayId(contract.id, '2026-03-17')] });
    const response = await exportStatement(t.db, client.session, `${march.id}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const { text } = await pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain('Statement FV-2026-0001');
    expect(text).toContain('March 2026');
    expect(text).toContain('PO PO-77');
    expect(text).toContain('€893.00'); // net
    expect(text).toContain('€71.44'); // VAT 8 %
    expect(text).toContain('€964.44'); // gross
    const csv = await (await exportStatement(t.db, caterer.session, `${march.id}.csv`)).text();
    expect(csv.split('\r\n')[1]).toContain('FV-2026-0001');
    expect(csv).toContain('570.00');
    const stranger = await registerCompany(t.db, { companyType: 'CLIENT' });
    expect((await exportStatement(t.db, stranger.session, `${march.id}.pdf`)).status).toBe(404);
    expect((await exportStatement(t.db, null, `${march.id}.pdf`)).status).toBe(401);
    expect((await exportStatement(t.db, caterer.session, 'nope.pdf')).status).toBe(404);
  });
});
