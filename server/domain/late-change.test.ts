import { describe, expect, it } from 'vitest';
import { answerChangeRefusal, assertCanRequestChange, lateReductionChargeCents, lateRemovedMeals, requestChangeRefusal } from './late-change';

const deadline = new Date('2026-03-03T12:00:00Z');
const deliveryAt = new Date('2026-03-04T12:00:00Z');
const base = {
  status: 'EXPECTED_CONFIRMED' as const,
  contractStatus: 'ACTIVE' as const,
  deadline,
  deliveryAt: () => deliveryAt,
  now: new Date('2026-03-04T08:00:00Z'),
  openRequest: false,
  serviceDate: '2026-03-04',
  timeZone: 'UTC',
};
const message = (refusal: ReturnType<typeof requestChangeRefusal>) => refusal?.() ?? null;

describe('requestChangeRefusal', () => {
  it('allows a request from the deadline until the delivery time, one at a time', () => {
    expect(requestChangeRefusal(base)).toBeNull();
    expect(requestChangeRefusal({ ...base, now: deadline })).toBeNull();
    expect(requestChangeRefusal({ ...base, status: 'PENDING' })).toBeNull();
    expect(message(requestChangeRefusal({ ...base, now: new Date('2026-03-03T11:59:59Z') }))).toMatch(/has not passed yet/);
    expect(message(requestChangeRefusal({ ...base, now: deliveryAt }))).toMatch(/delivery time of 2026-03-04/);
    expect(message(requestChangeRefusal({ ...base, openRequest: true }))).toMatch(/already waiting/);
    expect(message(requestChangeRefusal({ ...base, status: 'SERVED_CONFIRMED' }))).toMatch(/has been served/);
    expect(message(requestChangeRefusal({ ...base, contractStatus: 'PAUSED' }))).toMatch(/paused/);
  });

  it('works out the delivery instant only when the earlier checks pass', () => {
    const unused = () => {
      throw new Error('the delivery instant was not needed');
    };
    expect(message(requestChangeRefusal({ ...base, status: 'SERVED_CONFIRMED', deliveryAt: unused }))).toMatch(/has been served/);
    expect(message(requestChangeRefusal({ ...base, contractStatus: 'PAUSED', deliveryAt: unused }))).toMatch(/paused/);
  });

  it('checks the count against the contract limits and the current count, and needs a reason', () => {
    const ask = { ...base, current: 20, min: 10, max: 40, reason: ' Five more guests ' };
    expect(assertCanRequestChange({ ...ask, quantity: 25 })).toBe('Five more guests');
    expect(() => assertCanRequestChange({ ...ask, quantity: 41 })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', field: 'quantity' }));
    expect(() => assertCanRequestChange({ ...ask, quantity: 20 })).toThrow(expect.objectContaining({ field: 'quantity' }));
    expect(() => assertCanRequestChange({ ...ask, quantity: 25, reason: '  ' })).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(() => assertCanRequestChange({ ...ask, quantity: 25, openRequest: true })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});

describe('answers and charges', () => {
  it('needs an open request to answer', () => {
    expect(answerChangeRefusal({ openRequest: true })).toBeNull();
    expect(answerChangeRefusal({ openRequest: false, serviceDate: '2026-03-04' })?.()).toBe('There is no change request waiting for 2026-03-04.');
  });

  it('bills removed meals at the late reduction share', () => {
    expect(lateRemovedMeals(20, 15)).toBe(5);
    expect(lateRemovedMeals(20, 25)).toBe(0);
    expect(lateReductionChargeCents(5, 1500, 50)).toBe(3750);
    expect(lateReductionChargeCents(3, 1333, 33)).toBe(1320);
    expect(lateReductionChargeCents(5, 1500, 0)).toBe(0);
  });
});
