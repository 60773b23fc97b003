import { describe, expect, it } from 'vitest';
import { allQueries } from './concurrent';

describe('allQueries', () => {
  it('answers every result in order', async () => {
    const [a, b] = await allQueries([Promise.resolve(1), Promise.resolve('two')]);
    expect([a, b]).toEqual([1, 'two']);
  });

  it('throws the first failure only once every query has settled', async () => {
    let slowDone = false;
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve)).then(() => {
      slowDone = true;
    });
    const failing = Promise.reject(new Error('first'));
    const outcome = allQueries([failing, slow, Promise.reject(new Error('second'))]).catch((error: Error) => ({ error, slowDone }));
    // The failure is already known; the answer must still wait for the slow query.
    await new Promise((resolve) => setImmediate(resolve));
    expect(slowDone).toBe(false);
    release();
    const { error, slowDone: doneAtThrow } = (await outcome) as { error: Error; slowDone: boolean };
    expect(error.message).toBe('first');
    expect(doneAtThrow).toBe(true);
  });
});
