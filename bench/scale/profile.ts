import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[]; startTime: number; endTime: number };

export type HotSpot = { where: string; selfPercent: number };

const session = new Session();
let connected = false;
let last: Profile | undefined;

/** Where a frame's code lives: the package for node_modules, the repository path otherwise. */
function origin(url: string): { file: string; group: string } {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    const pkg = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    return { file: `${pkg}/${parts.slice(pkg.split('/').length).join('/')}`, group: pkg };
  }
  const file = url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
  return { file, group: file.startsWith('node:') ? 'node' : file.split('/').slice(0, 2).join('/') };
}

/**
 * Self time per function and per package (or repository folder), as shares of all samples.
 * `(idle)` is time spent waiting, mostly for the database.
 */
export function hotSpots(profile: Profile, top = 12): { functions: HotSpot[]; packages: HotSpot[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  const hitsOf = new Map<number, number>();
  for (const id of samples) hitsOf.set(id, (hitsOf.get(id) ?? 0) + 1);
  const fn = new Map<string, number>();
  const group = new Map<string, number>();
  const add = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);
  for (const [id, hits] of hitsOf) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    const name = functionName || '(anonymous)';
    if (!url) {
      add(fn, name, hits);
      add(group, name.startsWith('(') ? name : '(native)', hits);
      continue;
    }
    const o = origin(url);
    // Line and column: bundled (minified) code has many functions on one line.
    add(fn, `${name} ${o.file}:${lineNumber + 1}:${columnNumber + 1}`, hits);
    add(group, o.group, hits);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, hits]) => ({ where, selfPercent: Math.round((hits / Math.max(1, samples.length)) * 1000) / 10 }));
  return { functions: rank(fn), packages: rank(group) };
}

/** CPU-profiles `body` (this process) and writes `<dir>/<name>.cpuprofile`; returns the hot spots. */
export async function profiled<T>(dir: string, name: string, body: () => Promise<T>): Promise<{ result: T; hot: ReturnType<typeof hotSpots> }> {
  if (!connected) {
    session.connect();
    connected = true;
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
  }
  await session.post('Profiler.start');
  let result: T;
  try {
    result = await body();
  } finally {
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    last = profile;
  }
  return { result, hot: hotSpots(last!) };
}

/** Hot spots of every .cpuprofile in `dir` (written by `node --cpu-prof`, e.g. the bench's next start). */
export function hotSpotsOfDir(dir: string): { file: string; hot: ReturnType<typeof hotSpots> }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((file) => ({ file, hot: hotSpots(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile, 15) }));
}
