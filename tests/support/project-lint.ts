import { ESLint } from 'eslint';
import { beforeAll } from 'vitest';

/**
 * The project's ESLint config, run on small sources placed in a layer: a test of a rule fails
 * when a config change stops catching what the rule is for. Loading the config and its plugins
 * takes seconds on a busy machine, so it is done once, before the file's tests.
 */
export function projectLinter(rule: string) {
  let eslint: ESLint;
  beforeAll(async () => {
    eslint = new ESLint({ cwd: process.cwd() });
    await eslint.lintText('export {};\n', { filePath: 'server/warm-up.ts' });
  }, 120_000);
  /** The messages of `rule` for `code` as if it were the file at `filePath`. */
  return async (filePath: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
  };
}
