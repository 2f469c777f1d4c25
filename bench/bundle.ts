/**
 * The task pane's download: the gzip size of what its page loads first, and of each lazily loaded chunk, from the
 * webpack build's chunk manifest (dist/addin/build-chunks.json, written by webpack.config.js).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  /** Gzip bytes of the task pane's first-load scripts. */
  readonly firstLoadGzip: number;
  readonly firstLoadFiles: readonly string[];
  readonly lazy: readonly { readonly file: string; readonly gzip: number; readonly packages: readonly string[] }[];
}

interface Manifest {
  readonly entrypoints: Record<string, string[]>;
  readonly chunks: { files: string[]; initial: boolean; packages: string[] }[];
}

/** The figures, or why there are none (no build, or files the manifest names are missing). */
export function bundleFigures(root: string): BundleFigures | { missing: string } {
  const dir = path.join(root, 'dist', 'addin');
  const manifestFile = path.join(dir, 'build-chunks.json');
  if (!existsSync(manifestFile)) return { missing: 'dist/addin/build-chunks.json (run the webpack production build first)' };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const gz = (f: string): number | null => (existsSync(path.join(dir, f)) ? gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length : null);
  const first = manifest.entrypoints['taskpane'] ?? [];
  if (first.length === 0) return { missing: 'no taskpane entry point in build-chunks.json' };
  let firstLoadGzip = 0;
  for (const f of first) {
    const n = gz(f);
    if (n === null) return { missing: `dist/addin/${f} (stale build manifest)` };
    firstLoadGzip += n;
  }
  const lazy = manifest.chunks.filter(c => !c.initial).flatMap(c => c.files.map(file => ({ file, gzip: gz(file) ?? 0, packages: c.packages })));
  return { firstLoadGzip, firstLoadFiles: first, lazy };
}
