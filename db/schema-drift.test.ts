import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('schema and migrations', () => {
  it('do not drift: drizzle-kit finds nothing new to generate', () => {
    // Generate into a scratch copy of drizzle/ (drizzle-kit wants a relative `out`), so a
    // drift fails this test without writing a migration into the repo.
    fs.mkdirSync('.data', { recursive: true });
    const scratch = path.relative(process.cwd(), fs.mkdtempSync(path.join('.data', 'drift-')));
    try {
      fs.cpSync('drizzle', scratch, { recursive: true });
      const config = path.join(scratch, 'drizzle.config.json');
      fs.writeFileSync(config, JSON.stringify({ dialect: 'postgresql', schema: './db/schema/index.ts', out: scratch }));
      const before = fs.readdirSync(scratch).sort();
      const run = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config], { encoding: 'utf8' });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output).toBe(0);
      expect(fs.readdirSync(scratch).sort(), output).toEqual(before);
      expect(output).toMatch(/No schema changes/);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
