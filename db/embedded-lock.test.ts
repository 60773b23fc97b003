import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './embedded-lock';

const dirs: string[] = [];
function scratchDir() {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chefops-lock-')), 'pglite');
  dirs.push(path.dirname(dir));
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Tries to take the lock from a second process; returns its exit status and stderr. */
function lockFromAnotherProcess(dir: string) {
  const script = `import { lockDataDir } from ${JSON.stringify(path.resolve('db/embedded-lock.ts'))}; lockDataDir(${JSON.stringify(dir)}); console.log('locked');`;
  return spawnSync('npx', ['tsx', '--eval', script], { encoding: 'utf8' });
}

describe('embedded database lock', () => {
  it('gives a second process a clear error while the first holds the data directory', () => {
    const dir = scratchDir();
    const release = lockDataDir(dir);
    try {
      const second = lockFromAnotherProcess(dir);
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain('is already open in another ChefOps process');
      expect(second.stdout).not.toContain('locked');
    } finally {
      release();
    }
  }, 30_000);

  it('can be taken again once released', () => {
    const dir = scratchDir();
    lockDataDir(dir)();
    const again = lockFromAnotherProcess(dir);
    expect(again.stdout).toContain('locked');
  }, 30_000);
});
