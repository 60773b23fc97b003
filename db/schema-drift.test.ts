import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('schema and migrations', () => {
  it('do not drift: drizzle-kit finds nothing new to generate', () => {
    // Generate into a scratch copy of drizzle/ so a drift never writes into the repo.
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'chefops-drift-'));
    fs.cpSync('drizzle', scratch, { recursive: true });
    const config = path.join(scratch, 'drizzle.config.json');
    fs.writeFileSync(
      config,
      JSON.stringify({ dialect: 'postgresql', schema: path.resolve('db/schema/index.ts'), out: scratch }),
    );
    const before = fs.readdirSync(scratch).sort();
    const output = execFileSync('npx', ['drizzle-kit', 'generate', '--config', config], { encoding: 'utf8' });
    const after = fs.readdirSync(scratch).sort();
    expect(after, output).toEqual(before);
    expect(output).toMatch(/No schema changes/);
  }, 60_000);
});
