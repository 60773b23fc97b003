import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { runServiceDayJobs } from '@/server/jobs/service-day-jobs';
import { EVENT_PAYLOADS, EVENT_TYPES, isEventType, LEGACY_EVENT_TYPES } from '@/server/outbox/events';
import { callerFor, type Clock } from '../support/callers';
import { catererAndClient, agreeContract, contractTerms } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

/**
 * Every producer of outbox events, driven through its real entry point (procedures and the
 * service-day cron), and every event it stored read back and checked against its type's schema.
 */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function storedEvents() {
  return queryRows<{ event_type: string; payload: unknown }>(t.db, sql`select event_type, payload from outbox_events order by created_at, id`);
}

describe('outbox event payloads as written by their producers', () => {
  it('every event type is produced, and every stored payload passes its schema', async () => {
    // Monday 2026-03-02 08:00 UTC; UTC client, deliveries 12:00, 24 h notice.
    const clock: Clock = { now: new Date('2026-03-02T08:00:00Z') };
    const { caterer, client } = await catererAndClient(t.db, clock);
    const contract = await agreeContract(caterer, client, { startDate: '2026-02-20' }); // contract.proposed + contract.accepted
    const declined = await caterer.caller.contract.create({ clientEmail: client.email, ...contractTerms() });
    await client.caller.contract.decline({ id: declined.id, reason: 'One contract is enough.' }); // contract.declined
    await caterer.caller.contract.create({ clientEmail: 'new.office@example.test', ...contractTerms(), inviteClient: { companyName: 'New Office' } }); // contract.client_invited
    const withdrawn = await caterer.caller.contract.create({ clientEmail: client.email, ...contractTerms() });
    await caterer.caller.contract.withdraw({ id: withdrawn.id }); // contract.withdrawn
    // The cron: auto-lock of Monday (deadline passed), a digest for Tuesday (deadline within 24 h).
    expect(await runServiceDayJobs(t.db, { now: clock.now })).toMatchObject({ autoLocked: 1, reminderDigests: 1, failedSteps: [] });
    await caterer.caller.contract.update({ id: contract.id, defaultQuantity: 22 }); // contract.updated
    const days = await client.caller.serviceDay.list({ contractId: contract.id, from: '2026-03-01', to: '2026-03-31' });
    const on = (date: string) => days.find((d) => d.serviceDate === date)!.id;

    await client.caller.serviceDay.confirmExpected({ id: on('2026-03-04'), quantity: 25 }); // expected_confirmed
    await client.caller.serviceDay.confirmExpectedBatch({ items: [{ id: on('2026-03-05'), quantity: 26 }, { id: on('2026-03-06'), quantity: 27 }] });

    clock.now = new Date('2026-03-04T13:00:00Z');
    await caterer.caller.serviceDay.confirmServed({ id: on('2026-03-03'), quantity: 21 }); // auto_locked (in the service) + served_confirmed
    await caterer.caller.serviceDay.confirmServed({ id: on('2026-03-04'), quantity: 24 });
    await client.caller.serviceDay.requestChange({ id: on('2026-03-05'), quantity: 28, reason: 'Two guests.' }); // change_requested
    await caterer.caller.serviceDay.answerChange({ id: on('2026-03-05'), accept: true }); // change_answered
    await caterer.caller.serviceDay.correctServed({ id: on('2026-03-03'), quantity: 20, note: 'Recounted the trays.' }); // served_corrected
    await client.caller.serviceDay.dispute({ id: on('2026-03-04'), reason: 'We counted 22.' }); // disputed
    await caterer.caller.serviceDay.resolveDispute({ id: on('2026-03-04'), servedQuantity: 22, note: 'Agreed.' }); // dispute_resolved
    const draft = await caterer.caller.statement.create({ clientId: client.session.companyId, month: '2026-03' });
    const excludeServiceDayIds = draft.content.blocking.map((b) => b.serviceDayId);
    await caterer.caller.statement.issue({ id: draft.id, excludeServiceDayIds }); // statement.issued

    await caterer.caller.menu.set({ contractId: contract.id, date: '2026-03-09', dishes: [{ name: 'Pierogi ruskie', diets: ['VEGETARIAN'], allergens: ['GLUTEN', 'MILK'] }] }); // menu.updated

    await client.caller.company.addClosure({ from: '2026-03-16', to: '2026-03-16', reason: 'Office closed' }); // service_day.cancelled

    await caterer.caller.contract.pause({ id: contract.id }); // contract.paused
    await client.caller.contract.resume({ id: contract.id }); // contract.resumed
    await client.caller.contract.terminate({ id: contract.id }); // contract.terminated

    await client.caller.user.invite({ email: 'new.cook@example.test', role: 'MANAGER' }); // user.invited
    await callerFor(t.db, null, clock).auth.requestPasswordReset({ email: client.email }); // auth.password_reset_requested

    const events = await storedEvents();
    const legacy: readonly string[] = LEGACY_EVENT_TYPES;
    expect([...new Set(events.map((e) => e.event_type))].sort()).toEqual(EVENT_TYPES.filter((type) => !legacy.includes(type)).sort());
    for (const { event_type: type, payload } of events) {
      expect(isEventType(type), type).toBe(true);
      if (!isEventType(type)) continue;
      const parsed = EVENT_PAYLOADS[type].safeParse(typeof payload === 'string' ? JSON.parse(payload) : payload);
      expect(parsed.success, `${type}: ${parsed.error?.message}`).toBe(true);
    }
    // Both auto-lock paths (the sweep and the served confirmation) wrote their event.
    expect(events.filter((e) => e.event_type === 'service_day.expected_auto_locked')).toHaveLength(2);
  });
});
