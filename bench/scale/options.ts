import { parseArgs } from 'node:util';

export type ScaleOptions = {
  scale: number;
  /** Rebuild the fixture even when its version matches. */
  rebuild: boolean;
  /** Drop the fixture database (and leftover run clones) and stop. */
  drop: boolean;
  /** Build or check the fixture, then stop. */
  fixtureOnly: boolean;
  /** Skip `next build` + the HTTP measurements. */
  skipHttp: boolean;
  /** Reuse an existing bench build (`.next-bench`) instead of building again. */
  reuseBuild: boolean;
  /** Write a CPU profile (.cpuprofile) per caller path into this folder and print the hot functions. */
  profileDir: string | null;
  /** Write every captured statement's EXPLAIN (ANALYZE, BUFFERS) plan into this folder. */
  plansDir: string | null;
  /** Measure only these caller paths (keys, e.g. confirmExpected) and stop: for working on one path. */
  onlyPaths: string[] | null;
};

/** `npm run bench -- --scale 10 [--rebuild] [--drop] [--fixture-only] [--skip-http] [--reuse-build] [--profile DIR] [--plans DIR] [--paths KEY,KEY]` */
export function parseScaleOptions(argv: string[]): ScaleOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      drop: { type: 'boolean', default: false },
      'fixture-only': { type: 'boolean', default: false },
      'skip-http': { type: 'boolean', default: false },
      'reuse-build': { type: 'boolean', default: false },
      profile: { type: 'string' },
      plans: { type: 'string' },
      paths: { type: 'string' },
    },
    strict: true,
  });
  if (values.scale === undefined) return null;
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1 || scale > 20) throw new Error('--scale takes a whole number from 1 to 20');
  return {
    scale,
    rebuild: values.rebuild,
    drop: values.drop,
    fixtureOnly: values['fixture-only'],
    skipHttp: values['skip-http'],
    reuseBuild: values['reuse-build'],
    profileDir: values.profile ?? null,
    plansDir: values.plans ?? null,
    onlyPaths: values.paths ? values.paths.split(',').map((key) => key.trim()) : null,
  };
}
