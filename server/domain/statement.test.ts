import { describe, expect, it } from 'vitest';
import { buildStatement, monthRange, statementNumber, type StatementDay } from './statement';

const day = (date: string, overrides: Partial<StatementDay> = {}): StatementDay => ({
  serviceDayId: `day-${date}`,
  contractId: 'c1',
  serviceDate: date,
  status: 'SERVED_CONFIRMED',
  servedQuantity: 10,
  pricePerMealCents: 1_250,
  periodFrom: '2026-01-01',
  currency: 'PLN',
  ...overrides,
});

describe('buildStatement', () => {
  it('one line per contract and price period, VAT half-up per line, totals per currency', () => {
    const content = buildStatement({
      month: '2026-03',
      vatRateBasisPoints: 800,
      days: [
        day('2026-03-02'),
        day('2026-03-03', { servedQuantity: 11 }),
        day('2026-03-16', { pricePerMealCents: 1_333, periodFrom: '2026-03-16', servedQuantity: 7 }),
        day('2026-03-04', { contractId: 'c2', currency: 'EUR', servedQuantity: 3, pricePerMealCents: 999 }),
        day('2026-04-01'), // after the month: not billed
      ],
      billed: [],
    });
    expect(content.lines.map((l) => [l.contractId, l.periodFrom, l.days, l.meals, l.netCents, l.vatCents])).toEqual([
      ['c1', '2026-01-01', 2, 21, 26_250, 2_100],
      ['c1', '2026-03-16', 1, 7, 9_331, 746], // 746.48 → 746
      ['c2', '2026-01-01', 1, 3, 2_997, 240], // 239.76 → 240
    ]);
    expect(content.totals).toEqual([
      { currency: 'EUR', netCents: 2_997, vatCents: 240, grossCents: 3_237 },
      { currency: 'PLN', netCents: 35_581, vatCents: 2_846, grossCents: 38_427 },
    ]);
  });

  it('blocks on unsettled days of the month, not on cancelled ones or excluded ones', () => {
    const content = buildStatement({
      month: '2026-03',
      vatRateBasisPoints: 0,
      days: [
        day('2026-03-02', { status: 'EXPECTED_CONFIRMED', servedQuantity: null }),
        day('2026-03-03', { status: 'DISPUTED' }),
        day('2026-03-04', { status: 'CANCELLED', servedQuantity: null }),
        day('2026-03-05', { status: 'PENDING', servedQuantity: null }),
      ],
      billed: [],
      excluded: new Set(['day-2026-03-05']),
    });
    expect(content.blocking.map((b) => b.serviceDate)).toEqual(['2026-03-02', '2026-03-03']);
    expect(content.lines).toEqual([]);
  });

  it('bills a day once; a change after billing is a correction line with the difference', () => {
    const days = [day('2026-02-27', { servedQuantity: 8 }), day('2026-03-02')];
    const content = buildStatement({
      month: '2026-03',
      vatRateBasisPoints: 800,
      days,
      billed: [
        { serviceDayId: 'day-2026-02-27', quantity: 10, netCents: 12_500 },
        { serviceDayId: 'day-2026-03-02', quantity: 10, netCents: 12_500 },
      ],
    });
    expect(content.items).toEqual([expect.objectContaining({ serviceDayId: 'day-2026-02-27', kind: 'CORRECTION', quantity: -2, netCents: -2_500 })]);
    expect(content.lines[0]).toMatchObject({ kind: 'CORRECTION', netCents: -2_500, vatCents: -200, grossCents: -2_700 });
  });
});

describe('monthRange and statementNumber', () => {
  it('knows month lengths, leap years included', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
  it('<PREFIX>-YYYY-NNNN', () => {
    expect(statementNumber('FV', 2026, 7)).toBe('FV-2026-0007');
    expect(statementNumber('ST', 2026, 12_345)).toBe('ST-2026-12345');
  });
});
