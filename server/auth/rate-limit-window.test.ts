import { describe, expect, it } from 'vitest';
import { isOverLimit, nextWindow, secondsUntilWindowEnds, windowExpired } from './rate-limit-window';

const t0 = new Date('2030-01-01T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('rate-limit windows', () => {
  it('a window lasts exactly windowSeconds', () => {
    expect(windowExpired(t0, at(899), 900)).toBe(false);
    expect(windowExpired(t0, at(900), 900)).toBe(true);
  });

  it('counts within a window and starts over after it', () => {
    let state = nextWindow(null, t0, 900);
    expect(state).toEqual({ count: 1, startedAt: t0 });
    state = nextWindow(state, at(10), 900);
    state = nextWindow(state, at(899), 900);
    expect(state).toEqual({ count: 3, startedAt: t0 });
    expect(nextWindow(state, at(900), 900)).toEqual({ count: 1, startedAt: at(900) });
  });

  it('tells how long until the window ends', () => {
    expect(secondsUntilWindowEnds(t0, at(0), 900)).toBe(900);
    expect(secondsUntilWindowEnds(t0, at(899.5), 900)).toBe(1);
    expect(secondsUntilWindowEnds(t0, at(1000), 900)).toBe(0);
  });

  it('the limit-th event is still allowed, the next is not', () => {
    const rule = { prefix: 'x', limit: 5, windowSeconds: 900 };
    expect(isOverLimit(5, rule)).toBe(false);
    expect(isOverLimit(6, rule)).toBe(true);
  });
});
