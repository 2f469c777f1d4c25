/**
 * `npm run bench`: the product against the floor and against a plain exceljs read, on generated province sets.
 * Every measurement runs in its own child process (its peak memory is its own), the measurements alternate within
 * each repetition, and the median of the repetitions is reported: a readable table, then one JSON line with every
 * figure so runs can be compared over time. Options: --quick (150 communes, 3 repetitions), --reps N, --sizes a,b.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleFigures } from './bundle';
import { ensureSet, GENERATOR_VERSION } from './generate';
import { median, runChild, runCommand, type Sample } from './run';
import { formatReport, type SetFigures, type TaskFigures } from './report';

const BUILD = __dirname;
const ROOT = path.resolve(BUILD, '..', '..', '..');
const CACHE = path.join(ROOT, '.bench-cache');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const quick = process.argv.includes('--quick');
const reps = Number(option('--reps') ?? (quick ? 3 : 5));
const sizes = (option('--sizes') ?? (quick ? '150' : '150,3321')).split(',').map(Number);

const hasRollup = existsSync(path.join(ROOT, 'dist', 'cli', 'commands', 'rollup.js'));
const cli = path.join(ROOT, 'bin', 'phuluc.js');

type Task = { readonly name: string; readonly run: (dir: string, out: string) => Sample };

const TASKS: readonly Task[] = [
  { name: 'floor', run: dir => runChild(BUILD, 'floor', dir) },
  { name: 'exceljs', run: dir => runChild(BUILD, 'exceljs', dir) },
  { name: 'read', run: dir => runChild(BUILD, 'read', dir) },
  { name: 'startup', run: () => runCommand(BUILD, ROOT, [cli, '--version']) },
  { name: 'check', run: dir => runCommand(BUILD, ROOT, [cli, 'check', dir, '--json']) },
  ...(hasRollup ? [
    { name: 'rollup', run: (dir: string, out: string) => runCommand(BUILD, ROOT, [cli, 'rollup', dir, '-o', out], () => rmSync(out, { force: true })) },
    // The same command again into its own output, which then only gains sheets (src/xlsx/write/append.ts): the
    // output of an earlier run is copied in place first, made once per set outside the timing.
    { name: 'append', run: (dir: string, out: string) => runCommand(BUILD, ROOT, [cli, 'rollup', dir, '-o', out], () => { copyFileSync(baseOutput(dir, out), out); }) },
    // Next month's run against this one (issue 16: within the same bounds): a new output, last run's as --previous,
    // read through its projection (src/xlsx/projection.ts).
    { name: 'previous', run: (dir: string, out: string) => runCommand(BUILD, ROOT, [cli, 'rollup', dir, '-o', out, '--previous', baseOutput(dir, out)], () => rmSync(out, { force: true })) },
    { name: 'stages', run: (dir: string, out: string) => runChild(BUILD, 'stages', dir, out) },
  ] : []),
];

/** Bases written by this run: one from an earlier build would lack what this build writes. */
const written = new Set<string>();

/** A rollup of `dir` written once per run (not timed), for the append and previous tasks to start from. */
function baseOutput(dir: string, out: string): string {
  const base = out.replace(/\.xlsx$/, '-base.xlsx');
  if (!written.has(base)) {
    rmSync(base, { force: true });
    execFileSync(process.execPath, [cli, 'rollup', dir, '-o', base], { stdio: 'ignore' });
    written.add(base);
  }
  return base;
}

function summarise(samples: readonly Sample[]): TaskFigures {
  const work = samples.map(s => s.workMs).filter((x): x is number => x !== null);
  return {
    wallMs: median(samples.map(s => s.wallMs)),
    workMs: work.length ? median(work) : null,
    cpuMs: median(samples.map(s => s.cpuMs)),
    rssMB: median(samples.map(s => s.rssMB)),
    runs: samples.length,
    ...(samples.some(s => 'exceljs' in s.figures) ? { exceljs: samples.some(s => s.figures['exceljs'] === true) } : {}),
  };
}

function stageMedians(samples: readonly Sample[]): Record<string, number> {
  const keys = ['read', 'recognize', 'judge', 'match', 'write', 'total'];
  const stages = samples.map(s => s.figures['stages'] as Record<string, number>);
  return Object.fromEntries(keys.map(k => [k, median(stages.map(s => s[k] ?? NaN))]));
}

async function measureSet(count: number): Promise<SetFigures> {
  const dir = await ensureSet(CACHE, count, s => process.stderr.write(`${s}\n`));
  const out = path.join(CACHE, 'out');
  mkdirSync(out, { recursive: true });
  // As many runs for the nation as for a province: its ratio to the floor moves by ±15% from run to run on a shared
  // 2-core machine, and a median of 3 flipped a target from one run to the next (nineteenth session, bench/HISTORY.md).
  const samples = new Map<string, Sample[]>(TASKS.map(t => [t.name, []]));
  for (let rep = 0; rep < reps; rep++) {
    // Alternate: each repetition starts one task later, so no task always runs first (or right after another).
    for (let k = 0; k < TASKS.length; k++) {
      const task = TASKS[(k + rep) % TASKS.length] as Task;
      process.stderr.write(`  ${count} communes, run ${rep + 1}/${reps}: ${task.name}\n`);
      samples.get(task.name)?.push(task.run(dir, path.join(out, `${task.name}-${count}.xlsx`)));
    }
  }
  const tasks = Object.fromEntries([...samples].map(([name, s]) => [name, summarise(s)]));
  const stageSamples = samples.get('stages') ?? [];
  return { communes: count, tasks, stages: stageSamples.length ? stageMedians(stageSamples) : null };
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0] ?? 0;
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli is missing: run "npm run build:cli" (npm run bench does)');
  const sets: SetFigures[] = [];
  for (const count of sizes) {
    process.stderr.write(`province of ${count} communes (set cached in .bench-cache/sets)\n`);
    sets.push(await measureSet(count));
  }
  const set150 = path.join(CACHE, 'sets', `province-150-v${GENERATOR_VERSION}`);
  const office = existsSync(path.join(set150, 'complete')) ? runChild(BUILD, 'office', set150).figures : null;
  const cpus = os.cpus();
  const load = os.loadavg()[0] ?? 0;
  const machine = {
    cpus: cpus.length, cpu: cpus[0]?.model ?? '?', memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version,
    platform: `${os.platform()} ${os.release()}`, loadBefore: Number(loadBefore.toFixed(2)), loadAfter: Number(load.toFixed(2)),
  };
  const report = formatReport({ machine, reps, sets, office, bundle: bundleFigures(ROOT), hasRollup, generator: GENERATOR_VERSION });
  process.stdout.write(`${report.table}\n${JSON.stringify(report.json)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
