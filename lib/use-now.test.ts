import { describe, expect, it } from 'vitest';
import { nextInstantAfter } from './use-now';

describe('nextInstantAfter', () => {
  const now = new Date('2026-12-03T13:00:00Z');
  it('is the earliest instant still ahead, so the page wakes up exactly at the next deadline', () => {
    const deadlines = ['2026-12-03T12:00:00Z', '2026-12-04T13:00:00Z', '2026-12-03T13:00:01Z'].map((d) => new Date(d));
    expect(nextInstantAfter(deadlines, now)).toEqual(new Date('2026-12-03T13:00:01Z'));
  });
  it('is null when every instant has passed (or is now)', () => {
    expect(nextInstantAfter([new Date('2026-12-03T13:00:00Z'), new Date('2026-12-01T00:00:00Z')], now)).toBeNull();
    expect(nextInstantAfter([], now)).toBeNull();
  });
});
