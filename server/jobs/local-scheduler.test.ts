import { describe, expect, it } from 'vitest';
import { createIntervalRunner } from './local-scheduler';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createIntervalRunner', () => {
  it('never overlaps runs, and keeps going after a run fails', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const runner = createIntervalRunner({
      name: 'test',
      intervalMs: 5,
      firstRunAfterMs: 0,
      async job() {
        runs += 1;
        active += 1;
        maxActive = Math.max(maxActive, active);
        await sleep(20); // longer than the interval
        active -= 1;
        if (runs === 2) throw new Error('boom');
      },
    });
    await sleep(200);
    await runner.stop();
    expect(maxActive).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(4);
    const after = runs;
    await sleep(50);
    expect(runs).toBe(after);
  });
});
