import { describe, expect, it } from 'vitest';
import { RETRY_DELAY_CAP_MS, retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles with every attempt (no jitter at the extremes)', () => {
    expect(retryDelayMs(1, () => 1)).toBe(30_000);
    expect(retryDelayMs(2, () => 1)).toBe(60_000);
    expect(retryDelayMs(3, () => 1)).toBe(120_000);
    expect(retryDelayMs(4, () => 1)).toBe(240_000);
  });

  it('jitters within the upper half of the step', () => {
    expect(retryDelayMs(3, () => 0)).toBe(60_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(90_000);
  });

  it('never shrinks from one attempt to the next below the cap, whatever the jitter', () => {
    for (let attempt = 1; attempt < 7; attempt++) {
      expect(retryDelayMs(attempt + 1, () => 0)).toBeGreaterThanOrEqual(retryDelayMs(attempt, () => 1));
    }
  });

  it('is capped at an hour, also for absurd attempt numbers', () => {
    expect(retryDelayMs(12, () => 1)).toBe(RETRY_DELAY_CAP_MS);
    expect(retryDelayMs(1000, () => 1)).toBe(RETRY_DELAY_CAP_MS);
    expect(retryDelayMs(1000, () => 0)).toBe(RETRY_DELAY_CAP_MS / 2);
  });
});
