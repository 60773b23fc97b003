import { describe, expect, it } from 'vitest';
import { contractServiceDates, generationWindow, type ContractServiceDatesInput } from './service-dates';

// March 2026: Mon 2, Wed 4, Fri 6, Mon 9, Wed 11, Fri 13, …
const base: ContractServiceDatesInput = {
  startDate: '2026-03-02',
  endDate: '2026-03-31',
  serviceDays: [1, 3, 5],
  from: '2026-03-01',
  to: '2026-03-14',
};

describe('contractServiceDates', () => {
  it('lists contracted weekdays in the window', () => {
    expect(contractServiceDates(base)).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
      '2026-03-11',
      '2026-03-13',
    ]);
  });

  it('includes the end date (last possible service date) for a contract ending mid-week', () => {
    // Ends Wednesday 11th: Wednesday is served, Friday 13th is not.
    expect(contractServiceDates({ ...base, endDate: '2026-03-11' })).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
      '2026-03-11',
    ]);
  });

  it('starts no earlier than the start date and includes it', () => {
    expect(contractServiceDates({ ...base, startDate: '2026-03-04' })[0]).toBe('2026-03-04');
    expect(contractServiceDates({ ...base, startDate: '2026-03-05' })[0]).toBe('2026-03-06');
  });

  it('respects a window narrower than the contract, both ends inclusive', () => {
    expect(contractServiceDates({ ...base, from: '2026-03-04', to: '2026-03-09' })).toEqual([
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
    ]);
  });

  it('returns nothing when the window and the period do not overlap', () => {
    expect(contractServiceDates({ ...base, from: '2026-04-01', to: '2026-04-30' })).toEqual([]);
    expect(contractServiceDates({ ...base, from: '2026-02-01', to: '2026-03-01' })).toEqual([]);
  });

  it('skips a contracted weekday on which the office is closed', () => {
    const dates = contractServiceDates({
      ...base,
      officeDays: [
        { dayOfWeek: 1, isWorkDay: true },
        { dayOfWeek: 3, isWorkDay: false },
        { dayOfWeek: 5, isWorkDay: true },
      ],
    });
    expect(dates).toEqual(['2026-03-02', '2026-03-06', '2026-03-09', '2026-03-13']);
  });

  it('treats no office rows as open every day, including weekends', () => {
    const dates = contractServiceDates({ ...base, serviceDays: [6, 7], officeDays: [] });
    expect(dates).toEqual(['2026-03-07', '2026-03-08', '2026-03-14']);
  });

  it('treats a weekday without a row as open', () => {
    // Only Monday is described (and closed); Wednesday and Friday have no rows.
    const dates = contractServiceDates({ ...base, officeDays: [{ dayOfWeek: 1, isWorkDay: false }] });
    expect(dates).toEqual(['2026-03-04', '2026-03-06', '2026-03-11', '2026-03-13']);
  });

  it('removes closure dates', () => {
    const dates = contractServiceDates({ ...base, closedDates: ['2026-03-04', '2026-03-05', '2026-03-13'] });
    expect(dates).toEqual(['2026-03-02', '2026-03-06', '2026-03-09', '2026-03-11']);
  });

  it('steps over a DST change without skipping or repeating a date', () => {
    const dates = contractServiceDates({
      startDate: '2026-03-01',
      endDate: '2026-04-30',
      serviceDays: [6, 7, 1],
      from: '2026-03-28',
      to: '2026-03-30',
    });
    expect(dates).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });
});

describe('generationWindow', () => {
  const now = new Date('2026-03-29T22:30:00Z');

  it('starts at the client’s local today and spans 28 days by default', () => {
    expect(generationWindow(now, 'Europe/Warsaw')).toEqual({ from: '2026-03-30', to: '2026-04-27' });
    expect(generationWindow(now, 'America/New_York')).toEqual({ from: '2026-03-29', to: '2026-04-26' });
  });

  it('takes a custom horizon', () => {
    expect(generationWindow(now, 'UTC', 0)).toEqual({ from: '2026-03-29', to: '2026-03-29' });
    expect(generationWindow(now, 'UTC', 7)).toEqual({ from: '2026-03-29', to: '2026-04-05' });
  });
});
