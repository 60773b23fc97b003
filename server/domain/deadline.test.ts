import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  computeConfirmationDeadline,
  createDeadlineCalculator,
  deliveryInstant,
  formatInstant,
  isBeforeDeadline,
} from './deadline';

const HOUR = 3_600_000;

function deadline(serviceDate: string, deliveryTime: string, noticeHours: number, timeZone: string): Date {
  return computeConfirmationDeadline({ serviceDate, deliveryTime, noticeHours, timeZone });
}

/** The deadline as the client's wall clock shows it. */
function wallClock(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

describe('computeConfirmationDeadline (HOURS notice)', () => {
  it('uses the client time zone, not UTC', () => {
    // 12:00 in Warsaw in winter is 11:00Z; in New York (EST) it is 17:00Z.
    expect(deadline('2026-01-15', '12:00', 0, 'Europe/Warsaw').toISOString()).toBe('2026-01-15T11:00:00.000Z');
    expect(deadline('2026-01-15', '12:00', 0, 'America/New_York').toISOString()).toBe('2026-01-15T17:00:00.000Z');
  });

  it('with notice 0 the deadline is the delivery itself', () => {
    expect(deadline('2026-07-01', '08:15', 0, 'Europe/Warsaw').toISOString()).toBe('2026-07-01T06:15:00.000Z');
  });

  it('with notice 336 the deadline is exactly two weeks of real hours earlier', () => {
    const d = deadline('2026-07-15', '12:00', 336, 'Europe/Warsaw');
    expect(d.toISOString()).toBe('2026-07-01T10:00:00.000Z');
  });

  describe('Europe/Warsaw spring forward (Sun 2026-03-29, 02:00 CET → 03:00 CEST)', () => {
    it('Monday 12:00 with notice 24: 24 real hours earlier, Sunday 12:00 (both after the change)', () => {
      const d = deadline('2026-03-30', '12:00', 24, 'Europe/Warsaw');
      expect(d.toISOString()).toBe('2026-03-29T10:00:00.000Z');
      expect(wallClock(d, 'Europe/Warsaw')).toBe('2026-03-29T12:00');
    });

    it('Sunday 12:00 with notice 24 spans the change: Saturday 11:00 local, not 12:00', () => {
      const d = deadline('2026-03-29', '12:00', 24, 'Europe/Warsaw');
      expect(d.toISOString()).toBe('2026-03-28T10:00:00.000Z');
      expect(wallClock(d, 'Europe/Warsaw')).toBe('2026-03-28T11:00');
      expect(deliveryInstant('2026-03-29', '12:00', 'Europe/Warsaw').toMillis() - d.getTime()).toBe(24 * HOUR);
    });

    it('Monday 12:00 with notice 48 spans the change: Saturday 11:00 local', () => {
      const d = deadline('2026-03-30', '12:00', 48, 'Europe/Warsaw');
      expect(wallClock(d, 'Europe/Warsaw')).toBe('2026-03-28T11:00');
    });

    it('notice 336 across the change loses the hour on the wall clock', () => {
      const d = deadline('2026-04-06', '12:00', 336, 'Europe/Warsaw');
      expect(d.toISOString()).toBe('2026-03-23T10:00:00.000Z');
      expect(wallClock(d, 'Europe/Warsaw')).toBe('2026-03-23T11:00');
    });

    it('a delivery time inside the gap (02:30 does not exist) is moved forward to 03:30 CEST', () => {
      expect(deliveryInstant('2026-03-29', '02:30', 'Europe/Warsaw').toISO()).toBe('2026-03-29T03:30:00.000+02:00');
      expect(deadline('2026-03-29', '02:30', 0, 'Europe/Warsaw').toISOString()).toBe('2026-03-29T01:30:00.000Z');
      // 01:30 CET on the same night is one real hour earlier than the shifted 02:30.
      expect(deadline('2026-03-29', '02:30', 1, 'Europe/Warsaw').toISOString()).toBe('2026-03-29T00:30:00.000Z');
      expect(wallClock(deadline('2026-03-29', '02:30', 1, 'Europe/Warsaw'), 'Europe/Warsaw')).toBe('2026-03-29T01:30');
    });
  });

  describe('Europe/Warsaw fall back (Sun 2026-10-25, 03:00 CEST → 02:00 CET)', () => {
    it('Sunday 12:00 with notice 24 spans the change: Saturday 13:00 local', () => {
      const d = deadline('2026-10-25', '12:00', 24, 'Europe/Warsaw');
      expect(d.toISOString()).toBe('2026-10-24T11:00:00.000Z');
      expect(wallClock(d, 'Europe/Warsaw')).toBe('2026-10-24T13:00');
    });

    it('Monday 12:00 with notice 48: Saturday 13:00 local', () => {
      expect(wallClock(deadline('2026-10-26', '12:00', 48, 'Europe/Warsaw'), 'Europe/Warsaw')).toBe('2026-10-24T13:00');
    });

    it('an ambiguous delivery time (02:30 happens twice) takes the earlier, summer-time occurrence', () => {
      expect(deliveryInstant('2026-10-25', '02:30', 'Europe/Warsaw').toISO()).toBe('2026-10-25T02:30:00.000+02:00');
      expect(deadline('2026-10-25', '02:30', 0, 'Europe/Warsaw').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    });
  });

  describe('America/New_York spring forward (Sun 2026-03-08, 02:00 EST → 03:00 EDT)', () => {
    it('Sunday 12:00 with notice 24: Saturday 11:00 local', () => {
      const d = deadline('2026-03-08', '12:00', 24, 'America/New_York');
      expect(d.toISOString()).toBe('2026-03-07T16:00:00.000Z');
      expect(wallClock(d, 'America/New_York')).toBe('2026-03-07T11:00');
    });

    it('Monday 12:00 with notice 24: Sunday 12:00 local, 24 real hours earlier', () => {
      const d = deadline('2026-03-09', '12:00', 24, 'America/New_York');
      expect(d.toISOString()).toBe('2026-03-08T16:00:00.000Z');
      expect(wallClock(d, 'America/New_York')).toBe('2026-03-08T12:00');
    });

    it('a delivery time inside the gap (02:30) is moved forward to 03:30 EDT', () => {
      expect(deliveryInstant('2026-03-08', '02:30', 'America/New_York').toISO()).toBe('2026-03-08T03:30:00.000-04:00');
    });
  });

  describe('America/New_York fall back (Sun 2026-11-01, 02:00 EDT → 01:00 EST)', () => {
    it('Monday 12:00 with notice 48 spans the change: Saturday 13:00 local', () => {
      const d = deadline('2026-11-02', '12:00', 48, 'America/New_York');
      expect(d.toISOString()).toBe('2026-10-31T17:00:00.000Z');
      expect(wallClock(d, 'America/New_York')).toBe('2026-10-31T13:00');
    });

    it('an ambiguous 01:30 takes the earlier (EDT) occurrence', () => {
      expect(deadline('2026-11-01', '01:30', 0, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    });
  });

  describe('Asia/Kolkata (UTC+05:30 all year, no daylight saving)', () => {
    it('applies the half-hour offset: 12:00 IST is 06:30Z, and 24 h notice is 06:30Z the day before', () => {
      const d = deadline('2026-03-30', '12:00', 24, 'Asia/Kolkata');
      expect(d.toISOString()).toBe('2026-03-29T06:30:00.000Z');
      expect(wallClock(d, 'Asia/Kolkata')).toBe('2026-03-29T12:00');
    });

    it('keeps the wall-clock reading while Europe and America change their clocks', () => {
      // Notice across Warsaw's (Mar 29, Oct 25) and New York's (Mar 8, Nov 1) changes.
      for (const [date, notice, wall] of [
        ['2026-03-30', 48, '2026-03-28T12:00'],
        ['2026-03-09', 336, '2026-02-23T12:00'],
        ['2026-10-26', 72, '2026-10-23T12:00'],
        ['2026-11-02', 25, '2026-11-01T11:00'],
      ] as const) {
        const d = deadline(date, '12:00', notice, 'Asia/Kolkata');
        expect(wallClock(d, 'Asia/Kolkata'), date).toBe(wall);
        expect(deliveryInstant(date, '12:00', 'Asia/Kolkata').toMillis() - d.getTime()).toBe(notice * HOUR);
      }
    });

    it('a delivery just after midnight with notice reaching the previous day', () => {
      expect(deadline('2026-06-15', '00:15', 1, 'Asia/Kolkata').toISOString()).toBe('2026-06-14T17:45:00.000Z');
      expect(wallClock(deadline('2026-06-15', '00:15', 1, 'Asia/Kolkata'), 'Asia/Kolkata')).toBe('2026-06-14T23:15');
    });
  });

  it('rejects bad input with BAD_REQUEST', () => {
    const bad = expect.objectContaining({ code: 'BAD_REQUEST' });
    expect(() => deadline('2026-02-30', '12:00', 0, 'UTC')).toThrow(bad);
    expect(() => deadline('2026-03-01', '25:00', 0, 'UTC')).toThrow(bad);
    expect(() => deadline('2026-03-01', '12:00', 0, 'Nowhere/Land')).toThrow(bad);
    expect(() => deadline('2026-03-01', '12:00', -1, 'UTC')).toThrow(bad);
  });
});

describe('createDeadlineCalculator', () => {
  it('gives exactly computeConfirmationDeadline, also across DST and for shared dates', () => {
    const calculate = createDeadlineCalculator();
    const zones = ['Europe/Warsaw', 'America/New_York', 'Asia/Kolkata', 'UTC'];
    const dates = ['2026-03-08', '2026-03-29', '2026-03-30', '2026-10-25', '2026-11-01', '2026-11-02'];
    const times = ['00:00', '01:30', '02:30', '12:00', '23:59'];
    let checked = 0;
    for (const timeZone of zones)
      for (const serviceDate of dates)
        for (const deliveryTime of times)
          for (const noticeHours of [0, 1, 24, 336]) {
            // Asked twice: the second answer comes from the cache and must still be right.
            for (let round = 0; round < 2; round++) {
              const input = { serviceDate, deliveryTime, noticeHours, timeZone };
              expect(calculate(input).toISOString()).toBe(computeConfirmationDeadline(input).toISOString());
              checked += 1;
            }
          }
    expect(checked).toBe(zones.length * dates.length * times.length * 4 * 2);
  });

  it('rejects bad input with BAD_REQUEST like the single rule', () => {
    const calculate = createDeadlineCalculator();
    const bad = expect.objectContaining({ code: 'BAD_REQUEST' });
    expect(() => calculate({ serviceDate: '2026-02-30', deliveryTime: '12:00', noticeHours: 0, timeZone: 'UTC' })).toThrow(bad);
    calculate({ serviceDate: '2026-03-01', deliveryTime: '12:00', noticeHours: 0, timeZone: 'UTC' });
    expect(() => calculate({ serviceDate: '2026-03-01', deliveryTime: '12:00', noticeHours: -1, timeZone: 'UTC' })).toThrow(bad);
  });
});

describe('isBeforeDeadline', () => {
  const d = new Date('2026-03-29T10:00:00.000Z');
  it('is strictly before: the deadline instant itself is too late', () => {
    expect(isBeforeDeadline(new Date('2026-03-29T09:59:59.999Z'), d)).toBe(true);
    expect(isBeforeDeadline(new Date('2026-03-29T10:00:00.000Z'), d)).toBe(false);
    expect(isBeforeDeadline(new Date('2026-03-29T10:00:00.001Z'), d)).toBe(false);
  });
});

describe('formatInstant', () => {
  it('shows the instant on the given zone’s wall clock, UTC otherwise', () => {
    const d = new Date('2026-03-29T10:00:00.000Z');
    expect(formatInstant(d, 'Europe/Warsaw')).toBe('Sun, 29 Mar 2026, 12:00 CEST');
    expect(formatInstant(d)).toBe('Sun, 29 Mar 2026, 10:00 UTC');
  });
});

describe('computeConfirmationDeadline (BUSINESS_DAYS notice)', () => {
  const business = (
    serviceDate: string,
    noticeBusinessDays: number,
    cutoffTime: string,
    timeZone: string,
    calendar?: Parameters<typeof computeConfirmationDeadline>[0]['calendar'],
  ) =>
    computeConfirmationDeadline({
      serviceDate,
      deliveryTime: '12:00',
      noticeMode: 'BUSINESS_DAYS',
      noticeHours: 24,
      noticeBusinessDays,
      cutoffTime,
      timeZone,
      calendar,
    });
  const calendar = (over: Partial<{ closedWeekdays: number[]; closures: { from: string; to: string }[]; holidays: string[] }>) => ({
    closedWeekdays: [],
    closures: [],
    holidays: [],
    ...over,
  });

  it('Monday service with 2 business days → Thursday at the cutoff, on the client’s wall clock', () => {
    const d = business('2026-12-07', 2, '14:00', 'Europe/Warsaw');
    expect(wallClock(d, 'Europe/Warsaw')).toBe('2026-12-03T14:00');
    expect(d.toISOString()).toBe('2026-12-03T13:00:00.000Z');
  });

  it('a holiday on Thursday moves it to Wednesday', () => {
    const d = business('2026-12-07', 2, '14:00', 'Europe/Warsaw', calendar({ holidays: ['2026-12-03'] }));
    expect(wallClock(d, 'Europe/Warsaw')).toBe('2026-12-02T14:00');
  });

  it('a company-wide closure on Thursday moves it to Wednesday', () => {
    const d = business('2026-12-07', 2, '14:00', 'Europe/Warsaw', calendar({ closures: [{ from: '2026-12-03', to: '2026-12-03' }] }));
    expect(wallClock(d, 'Europe/Warsaw')).toBe('2026-12-02T14:00');
  });

  it('an office closed on Fridays does not count Friday', () => {
    const d = business('2026-12-07', 1, '14:00', 'Europe/Warsaw', calendar({ closedWeekdays: [5] }));
    expect(wallClock(d, 'Europe/Warsaw')).toBe('2026-12-03T14:00');
  });

  it('weekends never count, also for a weekend service day', () => {
    expect(wallClock(business('2026-12-05', 2, '14:00', 'UTC'), 'UTC')).toBe('2026-12-03T14:00');
    expect(wallClock(business('2026-12-08', 1, '09:00', 'UTC'), 'UTC')).toBe('2026-12-07T09:00');
  });

  it('across Warsaw’s DST changes the cutoff keeps its wall-clock time', () => {
    // Spring forward Sun 2026-03-29: Tuesday's service, 2 business days → Friday 27 Mar, still CET.
    const spring = business('2026-03-31', 2, '14:00', 'Europe/Warsaw');
    expect(wallClock(spring, 'Europe/Warsaw')).toBe('2026-03-27T14:00');
    expect(spring.toISOString()).toBe('2026-03-27T13:00:00.000Z');
    // Fall back Sun 2026-10-25: Tuesday's service → Friday 23 Oct, still CEST.
    const fall = business('2026-10-27', 2, '14:00', 'Europe/Warsaw');
    expect(wallClock(fall, 'Europe/Warsaw')).toBe('2026-10-23T14:00');
    expect(fall.toISOString()).toBe('2026-10-23T12:00:00.000Z');
  });

  it('across New York’s DST changes the cutoff keeps its wall-clock time', () => {
    const spring = business('2026-03-10', 2, '14:00', 'America/New_York');
    expect(spring.toISOString()).toBe('2026-03-06T19:00:00.000Z'); // Fri 14:00 EST
    const fall = business('2026-11-03', 2, '14:00', 'America/New_York');
    expect(fall.toISOString()).toBe('2026-10-30T18:00:00.000Z'); // Fri 14:00 EDT
  });

  it('a service day right after a long closure counts back past the closure and the holidays in it', () => {
    const closedForChristmas = calendar({
      closures: [{ from: '2026-12-21', to: '2027-01-03' }],
      holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06'],
    });
    const d = business('2027-01-04', 2, '14:00', 'Europe/Warsaw', closedForChristmas);
    expect(wallClock(d, 'Europe/Warsaw')).toBe('2026-12-17T14:00');
    // Thursday 7 Jan, the day after the Epiphany holiday: Tue 5 Jan, then Mon 4 Jan.
    expect(wallClock(business('2027-01-07', 2, '14:00', 'Europe/Warsaw', closedForChristmas), 'Europe/Warsaw')).toBe('2027-01-04T14:00');
  });

  it('a cutoff in a half-hour zone (Asia/Kolkata, UTC+05:30)', () => {
    expect(business('2026-12-07', 1, '14:00', 'Asia/Kolkata').toISOString()).toBe('2026-12-04T08:30:00.000Z');
    expect(business('2026-12-07', 2, '09:30', 'Asia/Kolkata').toISOString()).toBe('2026-12-03T04:00:00.000Z');
  });

  it('the calculator gives the same answers as the single rule', () => {
    const calculate = createDeadlineCalculator();
    const input = {
      serviceDate: '2026-12-07',
      deliveryTime: '12:00',
      noticeMode: 'BUSINESS_DAYS' as const,
      noticeHours: 24,
      noticeBusinessDays: 2,
      cutoffTime: '14:00',
      timeZone: 'Europe/Warsaw',
      calendar: calendar({ holidays: ['2026-12-03'] }),
    };
    expect(calculate(input)).toEqual(computeConfirmationDeadline(input));
  });

  it('a calendar without business days gives a deadline long before the day instead of looping', () => {
    const d = business('2026-12-07', 2, '14:00', 'UTC', calendar({ closedWeekdays: [1, 2, 3, 4, 5] }));
    expect(d.getTime()).toBeLessThan(new Date('2026-01-01T00:00:00Z').getTime());
  });

  it('rejects bad business-day input with BAD_REQUEST', () => {
    const bad = expect.objectContaining({ code: 'BAD_REQUEST' });
    expect(() => business('2026-12-07', 0, '14:00', 'UTC')).toThrow(bad);
    expect(() => business('2026-12-07', 2, '24:00', 'UTC')).toThrow(bad);
    expect(() => business('2026-12-07', 2, '14:00', 'Nowhere/Land')).toThrow(bad);
  });
});
