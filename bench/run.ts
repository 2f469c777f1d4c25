/** Running a measurement in a child process: wall time, peak memory, and the figures it printed. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface Sample {
  /** Spawn to exit, node start-up and module loading included. */
  readonly wallMs: number;
  /** The work alone, when the child timed it. */
  readonly workMs: number | null;
  /** CPU time (user + system) of the whole process, start-up included. */
  readonly cpuMs: number;
  readonly rssMB: number;
  readonly figures: Record<string, unknown>;
}

const TIMEOUT = 15 * 60 * 1000;

/** A bench child (`child.js <task> <dir> [output]`), which prints its figures as one JSON line. */
export function runChild(buildDir: string, task: string, dir: string, output = ''): Sample {
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(buildDir, 'child.js'), task, dir, output], { encoding: 'utf8', timeout: TIMEOUT, maxBuffer: 64 << 20 });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`${task} failed (${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
  const figures = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
  return { wallMs, workMs: typeof figures['ms'] === 'number' ? figures['ms'] : null, cpuMs: Number(figures['cpuMs']), rssMB: Number(figures['rssMB']), figures };
}

/**
 * A command end to end (`node bin/phuluc.js …`), its output discarded, its peak memory reported by the
 * rss-report preload. Exit codes 0 and 2 (some files unreadable) both count as done.
 */
export function runCommand(buildDir: string, cwd: string, args: readonly string[], before: () => void = () => undefined): Sample {
  const rssFile = path.join(buildDir, `rss-${process.pid}.json`);
  rmSync(rssFile, { force: true });
  before();
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-r', path.join(buildDir, 'rss-report.js'), ...args], {
    cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: TIMEOUT, env: { ...process.env, BENCH_RSS_FILE: rssFile },
  });
  const wallMs = performance.now() - t;
  if (r.status !== 0 && r.status !== 2) throw new Error(`${args.join(' ')} failed (${r.status ?? r.signal}): ${(r.stderr ?? '').slice(-2000)}`);
  const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) as { rssMB: number; cpuMs: number; exceljs?: boolean } : { rssMB: NaN, cpuMs: NaN };
  return { wallMs, workMs: null, cpuMs: usage.cpuMs, rssMB: usage.rssMB, figures: usage.exceljs !== undefined ? { exceljs: usage.exceljs } : {} };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].filter(x => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] as number : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
