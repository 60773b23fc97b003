import { describe, expect, it } from 'vitest';
import { projectLinter } from '../support/project-lint';

// Queries sent together go through allQueries, which waits for all of them before throwing, so
// none outlives its transaction or the answer. The project's ESLint config enforces it; this runs
// that config on small sources, so a config change that stops catching a shape fails here.
const refusals = projectLinter('no-restricted-syntax');

describe('queries together (ESLint)', { timeout: 30_000 }, () => {
  const declarations = 'declare const rows: string[];\ndeclare function load(id: string): Promise<number>;\n';

  it('refuses Promise.all over an array literal or a .map(...) in services and the outbox', async () => {
    const literal = `${declarations}export const a = Promise.all([load('a'), load('b')]);\n`;
    const mapped = `${declarations}export const a = Promise.all(rows.map((id) => load(id)));\n`;
    for (const file of ['server/services/example.ts', 'server/outbox/example.ts']) {
      expect(await refusals(file, literal)).toEqual([expect.stringMatching(/allQueries/)]);
      expect(await refusals(file, mapped)).toEqual([expect.stringMatching(/allQueries/)]);
    }
  });

  it('lets allQueries through, and leaves other layers alone', async () => {
    const allowed = `import { allQueries } from '@/db/concurrent';\n${declarations}export const a = allQueries(rows.map((id) => load(id)));\n`;
    expect(await refusals('server/services/example.ts', allowed)).toEqual([]);
    const elsewhere = `${declarations}export const a = Promise.all(rows.map((id) => load(id)));\n`;
    expect(await refusals('server/routes/example.ts', elsewhere)).toEqual([]);
  });
});
