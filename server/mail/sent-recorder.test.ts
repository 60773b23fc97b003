import { describe, expect, it } from 'vitest';
import { sentRecorder } from './sent-recorder';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sentRecorder', () => {
  it('writes the first id at once and groups the ids that arrive while a write runs', async () => {
    const writes: string[][] = [];
    let release: () => void = () => {};
    const recorder = sentRecorder(async (ids) => {
      writes.push(ids);
      await new Promise<void>((resolve) => (release = resolve));
    });
    recorder.add('a');
    await tick();
    recorder.add('b');
    recorder.add('c');
    expect(writes).toEqual([['a']]);
    release();
    await tick();
    expect(writes).toEqual([['a'], ['b', 'c']]);
    release();
    await recorder.flush();
    expect(writes).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps writing after a failed write and reports the failure at flush', async () => {
    const written: string[] = [];
    const recorder = sentRecorder(async (ids) => {
      if (ids.includes('bad')) throw new Error('database gone');
      written.push(...ids);
    });
    recorder.add('bad');
    await tick();
    recorder.add('good');
    await expect(recorder.flush()).rejects.toThrow('database gone');
    expect(written).toEqual(['good']);
  });

  it('flush with nothing added resolves at once', async () => {
    await expect(sentRecorder(async () => {}).flush()).resolves.toBeUndefined();
  });
});
