import { describe, expect, it } from 'vitest';
import {
  assertCanConfirmExpected,
  assertCanConfirmServed,
  assertCanCorrectServed,
  assertCanDispute,
  assertCanResolveDispute,
  DISPUTE_WINDOW_DAYS,
  isOpenForCount,
  servedCorrectionEndsAt,
  shouldAutoLock,
  type ConfirmExpectedInput,
  type ConfirmServedInput,
  type CorrectServedInput,
} from './service-day-state';
import type { ServiceDayStatus } from '@/lib/enums';

const err = (code: string, extra: Record<string, unknown> = {}) => expect.objectContaining({ code, ...extra });
const at = (iso: string) => new Date(iso);

describe('assertCanConfirmExpected', () => {
  const ok: ConfirmExpectedInput = {
    status: 'PENDING',
    contractStatus: 'ACTIVE',
    quantity: 20,
    min: 10,
    max: 30,
    deadline: at('2026-03-29T10:00:00.000Z'),
    now: at('2026-03-29T09:00:00.000Z'),
    serviceDate: '2026-03-30',
    timeZone: 'Europe/Warsaw',
  };

  it('accepts a PENDING day and a re-confirmation of an EXPECTED_CONFIRMED day', () => {
    expect(() => assertCanConfirmExpected(ok)).not.toThrow();
    expect(() => assertCanConfirmExpected({ ...ok, status: 'EXPECTED_CONFIRMED' })).not.toThrow();
  });

  it.each(['PAUSED', 'TERMINATED'] as const)('rejects when the contract is %s', (contractStatus) => {
    expect(() => assertCanConfirmExpected({ ...ok, contractStatus })).toThrow(
      err('CONFLICT', { message: `This contract is ${contractStatus.toLowerCase()}, so quantities can no longer be confirmed.` }),
    );
  });

  it.each(['SERVED_CONFIRMED', 'DISPUTED'] as const)('rejects a %s day', (status) => {
    expect(() => assertCanConfirmExpected({ ...ok, status })).toThrow(err('CONFLICT'));
  });

  it('accepts 1 ms before the deadline and rejects at and after it', () => {
    expect(() => assertCanConfirmExpected({ ...ok, now: at('2026-03-29T09:59:59.999Z') })).not.toThrow();
    expect(() => assertCanConfirmExpected({ ...ok, now: at('2026-03-29T10:00:00.000Z') })).toThrow(
      err('CONFLICT', {
        message: 'The confirmation deadline for 2026-03-30 passed at Sun, 29 Mar 2026, 12:00 CEST.',
      }),
    );
    expect(() => assertCanConfirmExpected({ ...ok, now: at('2026-03-30T09:00:00.000Z') })).toThrow(err('CONFLICT'));
  });

  it('accepts min and max and rejects outside [min, max] or fractions on field quantity', () => {
    expect(() => assertCanConfirmExpected({ ...ok, quantity: 10 })).not.toThrow();
    expect(() => assertCanConfirmExpected({ ...ok, quantity: 30 })).not.toThrow();
    const range = err('BAD_REQUEST', { field: 'quantity', message: 'Quantity must be a whole number from 10 to 30.' });
    expect(() => assertCanConfirmExpected({ ...ok, quantity: 9 })).toThrow(range);
    expect(() => assertCanConfirmExpected({ ...ok, quantity: 31 })).toThrow(range);
    expect(() => assertCanConfirmExpected({ ...ok, quantity: 15.5 })).toThrow(range);
    expect(() => assertCanConfirmExpected({ ...ok, quantity: Number.NaN })).toThrow(range);
  });

  it('checks the contract and the deadline before the quantity', () => {
    expect(() => assertCanConfirmExpected({ ...ok, contractStatus: 'PAUSED', quantity: 99 })).toThrow(err('CONFLICT'));
    expect(() => assertCanConfirmExpected({ ...ok, now: ok.deadline, quantity: 99 })).toThrow(err('CONFLICT'));
  });
});

describe('assertCanConfirmServed', () => {
  const ok: ConfirmServedInput = {
    status: 'EXPECTED_CONFIRMED',
    serviceDate: '2026-03-30',
    clientToday: '2026-03-30',
    deadline: at('2026-03-29T10:00:00.000Z'),
    now: at('2026-03-30T15:00:00.000Z'),
    quantity: 25,
    expectedQuantity: 25,
    maxQuantity: 40,
  };

  it('refuses an outlier (above the maximum, under half the expected) unless it is confirmed', () => {
    const outlier = expect.objectContaining({ code: 'PRECONDITION_FAILED', field: 'quantity' });
    expect(() => assertCanConfirmServed({ ...ok, quantity: 41 })).toThrow(outlier);
    expect(() => assertCanConfirmServed({ ...ok, quantity: 41 })).toThrow("Served 41 — that is above the contract's maximum of 40.");
    expect(() => assertCanConfirmServed({ ...ok, quantity: 12 })).toThrow(outlier);
    expect(() => assertCanConfirmServed({ ...ok, quantity: 41, confirmOutlier: true })).not.toThrow();
    expect(() => assertCanConfirmServed({ ...ok, quantity: 12, confirmOutlier: true })).not.toThrow();
    expect(() => assertCanConfirmServed({ ...ok, quantity: 40 })).not.toThrow();
  });

  it('accepts on the service date and later', () => {
    expect(() => assertCanConfirmServed(ok)).not.toThrow();
    expect(() => assertCanConfirmServed({ ...ok, clientToday: '2026-04-02' })).not.toThrow();
  });

  it('rejects before the service date (client’s local date)', () => {
    expect(() => assertCanConfirmServed({ ...ok, clientToday: '2026-03-29' })).toThrow(
      err('CONFLICT', { message: 'The served quantity for 2026-03-30 can only be confirmed on or after that date.' }),
    );
  });

  it('accepts a PENDING day at or past its deadline (the caller locks it first)', () => {
    expect(() => assertCanConfirmServed({ ...ok, status: 'PENDING', now: ok.deadline })).not.toThrow();
  });

  it('rejects a PENDING day still before its deadline', () => {
    // Notice 0: deadline = delivery at 12:00 on the service date itself.
    const deadline = at('2026-03-30T10:00:00.000Z');
    expect(() =>
      assertCanConfirmServed({ ...ok, status: 'PENDING', deadline, now: at('2026-03-30T09:59:59.999Z') }),
    ).toThrow(err('CONFLICT'));
  });

  it.each(['SERVED_CONFIRMED', 'DISPUTED'] as const)('rejects a %s day', (status) => {
    expect(() => assertCanConfirmServed({ ...ok, status })).toThrow(err('CONFLICT'));
  });

  it('accepts 0 and 100000 and rejects others on field quantity', () => {
    expect(() => assertCanConfirmServed({ ...ok, quantity: 0, confirmOutlier: true })).not.toThrow();
    expect(() => assertCanConfirmServed({ ...ok, quantity: 100_000, confirmOutlier: true })).not.toThrow();
    const bad = err('BAD_REQUEST', { field: 'quantity', message: 'Served quantity must be a whole number from 0 to 100000.' });
    expect(() => assertCanConfirmServed({ ...ok, quantity: -1 })).toThrow(bad);
    expect(() => assertCanConfirmServed({ ...ok, quantity: 100_001 })).toThrow(bad);
    expect(() => assertCanConfirmServed({ ...ok, quantity: 2.5 })).toThrow(bad);
  });
});

describe('assertCanDispute', () => {
  const servedConfirmedAt = at('2026-03-30T15:00:00.000Z');
  const ok = { status: 'SERVED_CONFIRMED' as ServiceDayStatus, servedConfirmedAt, now: at('2026-03-31T08:00:00.000Z'), reason: 'Only 20 meals arrived.' };

  it('uses a 7-day window', () => {
    expect(DISPUTE_WINDOW_DAYS).toBe(7);
  });

  it('allows exactly 7 days after the served confirmation, not 1 ms later', () => {
    const sevenDays = servedConfirmedAt.getTime() + 7 * 24 * 3_600_000;
    expect(() => assertCanDispute({ ...ok, now: new Date(sevenDays) })).not.toThrow();
    expect(() => assertCanDispute({ ...ok, now: new Date(sevenDays + 1) })).toThrow(
      err('CONFLICT', { message: 'The 7-day dispute window for this day closed at Mon, 6 Apr 2026, 15:00 UTC.' }),
    );
  });

  it('returns the trimmed reason', () => {
    expect(assertCanDispute({ ...ok, reason: '  Cold food.\n' })).toEqual({ reason: 'Cold food.' });
  });

  it('requires a reason of 1–1000 characters after trimming, on field reason', () => {
    const bad = err('BAD_REQUEST', { field: 'reason' });
    expect(() => assertCanDispute({ ...ok, reason: '' })).toThrow(bad);
    expect(() => assertCanDispute({ ...ok, reason: '   \t ' })).toThrow(bad);
    expect(() => assertCanDispute({ ...ok, reason: 'x'.repeat(1001) })).toThrow(bad);
    expect(assertCanDispute({ ...ok, reason: ` ${'x'.repeat(1000)} ` }).reason).toHaveLength(1000);
    expect(assertCanDispute({ ...ok, reason: 'x' }).reason).toBe('x');
  });

  it('counts characters, not UTF-16 units (1000 emoji are fine)', () => {
    expect(() => assertCanDispute({ ...ok, reason: '🍲'.repeat(1000) })).not.toThrow();
    expect(() => assertCanDispute({ ...ok, reason: '🍲'.repeat(1001) })).toThrow(err('BAD_REQUEST'));
  });

  it.each(['PENDING', 'EXPECTED_CONFIRMED', 'DISPUTED'] as const)('rejects a %s day', (status) => {
    expect(() => assertCanDispute({ ...ok, status })).toThrow(err('CONFLICT'));
  });

  it('rejects when there is no served confirmation time', () => {
    expect(() => assertCanDispute({ ...ok, servedConfirmedAt: null })).toThrow(err('CONFLICT'));
  });
});

describe('assertCanResolveDispute', () => {
  const ok = { status: 'DISPUTED' as ServiceDayStatus, servedQuantity: 20, note: ' Recounted with the client. ' };

  it('accepts a disputed day and returns the trimmed note', () => {
    expect(assertCanResolveDispute(ok)).toEqual({ note: 'Recounted with the client.' });
    expect(assertCanResolveDispute({ ...ok, servedQuantity: 0 }).note).toBe('Recounted with the client.');
  });

  it.each(['PENDING', 'EXPECTED_CONFIRMED', 'SERVED_CONFIRMED'] as const)('rejects a %s day', (status) => {
    expect(() => assertCanResolveDispute({ ...ok, status })).toThrow(err('CONFLICT'));
  });

  it('validates the served quantity 0–100000 on field servedQuantity', () => {
    expect(() => assertCanResolveDispute({ ...ok, servedQuantity: 100_000 })).not.toThrow();
    expect(() => assertCanResolveDispute({ ...ok, servedQuantity: 100_001 })).toThrow(err('BAD_REQUEST', { field: 'servedQuantity' }));
    expect(() => assertCanResolveDispute({ ...ok, servedQuantity: -1 })).toThrow(err('BAD_REQUEST', { field: 'servedQuantity' }));
    expect(() => assertCanResolveDispute({ ...ok, servedQuantity: 1.5 })).toThrow(err('BAD_REQUEST', { field: 'servedQuantity' }));
  });

  it('requires a note of 1–1000 characters on field note', () => {
    expect(() => assertCanResolveDispute({ ...ok, note: '  ' })).toThrow(err('BAD_REQUEST', { field: 'note' }));
    expect(() => assertCanResolveDispute({ ...ok, note: 'n'.repeat(1001) })).toThrow(err('BAD_REQUEST', { field: 'note' }));
    expect(() => assertCanResolveDispute({ ...ok, note: 'n'.repeat(1000) })).not.toThrow();
  });
});

describe('isOpenForCount (views, closures and confirmation share it)', () => {
  const deadline = at('2026-03-29T10:00:00.000Z');
  const before = at('2026-03-29T09:59:59.999Z');

  it.each(['PENDING', 'EXPECTED_CONFIRMED'] as const)('a %s day is open until its deadline, not at it', (status) => {
    expect(isOpenForCount({ status, deadline }, before)).toBe(true);
    expect(isOpenForCount({ status, deadline }, deadline)).toBe(false);
  });

  it.each(['SERVED_CONFIRMED', 'DISPUTED', 'CANCELLED'] as const)('a %s day is never open', (status) => {
    expect(isOpenForCount({ status, deadline }, before)).toBe(false);
  });
});

describe('shouldAutoLock', () => {
  const deadline = at('2026-03-29T10:00:00.000Z');

  it('locks a PENDING day at and after its deadline, not before', () => {
    expect(shouldAutoLock({ status: 'PENDING', deadline, now: at('2026-03-29T09:59:59.999Z') })).toBe(false);
    expect(shouldAutoLock({ status: 'PENDING', deadline, now: deadline })).toBe(true);
    expect(shouldAutoLock({ status: 'PENDING', deadline, now: at('2026-03-30T00:00:00.000Z') })).toBe(true);
  });

  it.each(['EXPECTED_CONFIRMED', 'SERVED_CONFIRMED', 'DISPUTED'] as const)('never locks a %s day', (status) => {
    expect(shouldAutoLock({ status, deadline, now: at('2026-04-30T00:00:00.000Z') })).toBe(false);
  });
});

describe('assertCanCorrectServed', () => {
  const confirmedAt = at('2026-03-30T15:00:00.000Z');
  const ok: CorrectServedInput = {
    status: 'SERVED_CONFIRMED',
    servedQuantity: 999,
    servedConfirmedAt: confirmedAt,
    now: at('2026-03-31T15:00:00.000Z'), // exactly 24 h later: still allowed
    quantity: 127,
    note: '  typo: one 9 too many  ',
  };
  it('allows a correction within 24 hours, with its trimmed note', () => {
    expect(assertCanCorrectServed(ok)).toEqual({ note: 'typo: one 9 too many' });
    expect(servedCorrectionEndsAt(confirmedAt)).toEqual(at('2026-03-31T15:00:00.000Z'));
  });
  it('refuses after 24 hours, on a disputed day, and before a served count exists', () => {
    expect(() => assertCanCorrectServed({ ...ok, now: at('2026-03-31T15:00:00.001Z') })).toThrow(err('CONFLICT'));
    expect(() => assertCanCorrectServed({ ...ok, status: 'DISPUTED' })).toThrow('resolve the dispute instead');
    expect(() => assertCanCorrectServed({ ...ok, status: 'EXPECTED_CONFIRMED', servedConfirmedAt: null })).toThrow(err('CONFLICT'));
  });
  it('needs a note, a valid count, and a different count', () => {
    expect(() => assertCanCorrectServed({ ...ok, note: '  ' })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', field: 'note' }));
    expect(() => assertCanCorrectServed({ ...ok, quantity: -1 })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', field: 'quantity' }));
    expect(() => assertCanCorrectServed({ ...ok, quantity: 999 })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', field: 'quantity' }));
  });
});
