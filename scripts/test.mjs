// `npm test`: the whole suite — unit and integration tests on PGlite, the integration tests
// again on PostgreSQL when TEST_DATABASE_URL is set, then the browser tests against a
// production build. Ends with one summary line of all counts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = '.data/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failures.push(title);
  return result.status === 0;
}

function addVitest(file) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  } catch {
    /* the run failed before writing its report; the failure is already recorded */
  }
}

function vitest(title, projects, file, env) {
  const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p])];
  run(title, 'npx', [...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  addVitest(file);
}

vitest('unit + integration (PGlite)', ['unit', 'db'], `${reports}/pglite.json`, { TEST_DATABASE_URL: '' });

if (process.env.TEST_DATABASE_URL) {
  vitest('integration (PostgreSQL)', ['db'], `${reports}/postgres.json`, {});
} else {
  console.log('\n(TEST_DATABASE_URL is not set: the PostgreSQL run of the integration tests is skipped.)');
}

if (run('production build', 'npx', ['next', 'build'])) {
  const file = `${reports}/e2e.json`;
  run('browser tests (Playwright)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  });
  try {
    const stats = JSON.parse(readFileSync(file, 'utf8')).stats;
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } catch {
    /* recorded as a failure above */
  }
}

console.log(`\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed.'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
