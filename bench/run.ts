// `npm run bench`: performance figures on fresh databases (PGlite, or PostgreSQL when
// BENCH_DATABASE_URL is set). `npm run bench -- --scale 10`: the 10× benchmark on PostgreSQL
// (bench/scale/). Not part of the test run; see bench/README.md.

// Slow-request warnings would interleave with the tables (the dashboard on PGlite is near the
// threshold); an explicit LOG_LEVEL still wins. Set before the application modules load.
process.env.LOG_LEVEL ||= 'error';

const { parseScaleOptions } = await import('./scale/options');
const scaleOptions = parseScaleOptions(process.argv.slice(2));
if (scaleOptions) {
  const { runScale } = await import('./scale/run-scale');
  await runScale(scaleOptions);
} else {
  const { runSuite } = await import('./suite');
  await runSuite();
}

export {};
