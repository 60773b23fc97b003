import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DbOrTx } from '@/db/types';
import { enqueueOutboxEvent } from './enqueue';
import { EVENT_PAYLOADS, EVENT_TYPES, InvalidEventPayloadError, parseEventPayload, parseOutboxEvent } from './events';

const parties = {
  contractId: randomUUID(),
  cateringId: randomUUID(),
  clientId: randomUUID(),
  actorCompanyId: randomUUID(),
  actorUserId: randomUUID(),
};
const confirmed = { ...parties, serviceDayId: randomUUID(), serviceDate: '2026-03-02', previousQuantity: 20, quantity: 25 };
const withoutQuantity = Object.fromEntries(Object.entries(confirmed).filter(([key]) => key !== 'quantity')) as Omit<typeof confirmed, 'quantity'>;

describe('event payload schemas', () => {
  it('has one schema for every event type', () => {
    expect(EVENT_TYPES.length).toBe(24);
    for (const type of EVENT_TYPES) expect(EVENT_PAYLOADS[type]).toBeDefined();
  });

  it('accepts a payload of its shape', () => {
    expect(parseEventPayload('service_day.expected_confirmed', confirmed)).toEqual(confirmed);
  });

  it('refuses a missing field, a wrong type, a bad date and an unknown field, naming each', () => {
    const bad = { ...withoutQuantity, previousQuantity: '20', serviceDate: '2026-02-30', extra: true };
    const error = (() => {
      try {
        parseEventPayload('service_day.expected_confirmed', bad);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(InvalidEventPayloadError);
    expect(error!.message).toMatch(/^service_day\.expected_confirmed payload does not match its schema: /);
    for (const field of ['quantity', 'previousQuantity', 'serviceDate', 'extra']) expect(error!.message).toContain(field);
  });

  it('refuses a digest without days or with a deadline that is not an instant', () => {
    const digest = { clientId: parties.clientId, actorCompanyId: null, actorUserId: null };
    expect(() => parseEventPayload('service_day.confirmation_due', { ...digest, days: [] })).toThrow(/days/);
    const day = { serviceDayId: randomUUID(), contractId: parties.contractId, cateringId: parties.cateringId, serviceDate: '2026-03-03' };
    expect(() => parseEventPayload('service_day.confirmation_due', { ...digest, days: [{ ...day, deadline: 'tomorrow' }] })).toThrow(
      /days\.0\.deadline/,
    );
    expect(parseEventPayload('service_day.confirmation_due', { ...digest, days: [{ ...day, deadline: '2026-03-02T11:00:00.000Z' }] })).toBeTruthy();
  });

  it('refuses an unknown event type when a stored event is read', () => {
    expect(() => parseOutboxEvent('contract.exploded', parties)).toThrow(/Unknown event type contract\.exploded/);
    expect(parseOutboxEvent('service_day.expected_confirmed', confirmed)).toEqual({ eventType: 'service_day.expected_confirmed', payload: confirmed });
  });
});

describe('enqueueOutboxEvent', () => {
  // Nothing may reach the database: the payload is refused before any statement runs.
  const noDatabase = new Proxy({}, { get: () => { throw new Error('the database was used'); } }) as DbOrTx;

  it('refuses, when typed and when run, a payload that does not match its type', async () => {
    await expect(
      // @ts-expect-error the payload lacks `quantity`
      enqueueOutboxEvent(noDatabase, { type: 'service_day.expected_confirmed', aggregateId: randomUUID(), payload: withoutQuantity }),
    ).rejects.toThrow(InvalidEventPayloadError);
    await expect(
      // @ts-expect-error a contract.created payload under another event's type
      enqueueOutboxEvent(noDatabase, { type: 'contract.paused', aggregateId: randomUUID(), payload: { ...parties, generatedServiceDays: 1 } }),
    ).rejects.toThrow(/contract\.paused payload does not match/);
  });
});
