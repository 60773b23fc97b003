import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

export type FirstLoadJs = { pages: { page: string; files: number; rawKb: number; gzipKb: number }[] };

type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

function* manifests(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* manifests(full);
    else if (entry.name === 'page_client-reference-manifest.js') yield full;
  }
}

/**
 * First-load JavaScript of every page of a build: the root main files every page loads plus the
 * chunks of the page's own entries (its layouts and the page), as the client reference manifests
 * list them; each file gzipped on its own, as it is served. Bench pages (`/api/bench`) have none.
 */
export function firstLoadJs(distDir: string): FirstLoadJs {
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  const root = buildManifest.rootMainFiles ?? [];
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const size = (file: string) => {
    if (!sizes.has(file)) {
      const full = path.join(distDir, file.replace(/^\/?_next\//, ''));
      const bytes = existsSync(full) ? readFileSync(full) : Buffer.alloc(0);
      sizes.set(file, { raw: bytes.length, gzip: bytes.length ? gzipSync(bytes).length : 0 });
    }
    return sizes.get(file)!;
  };
  const pages: FirstLoadJs['pages'] = [];
  for (const file of manifests(path.join(distDir, 'server', 'app'))) {
    const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } };
    sandbox.globalThis = sandbox as never;
    runInNewContext(readFileSync(file, 'utf8'), sandbox);
    for (const [page, manifest] of Object.entries(sandbox.globalThis.__RSC_MANIFEST ?? {})) {
      const files = new Set([...root, ...Object.values(manifest.entryJSFiles ?? {}).flat()].filter((f) => f.endsWith('.js')));
      const total = [...files].reduce((sum, f) => ({ raw: sum.raw + size(f).raw, gzip: sum.gzip + size(f).gzip }), { raw: 0, gzip: 0 });
      pages.push({ page: page.replace(/\/page$/, '').replace(/\/\([^)]*\)/g, '') || '/', files: files.size, rawKb: Math.round(total.raw / 102.4) / 10, gzipKb: Math.round(total.gzip / 102.4) / 10 });
    }
  }
  pages.sort((a, b) => b.gzipKb - a.gzipKb);
  return { pages };
}
