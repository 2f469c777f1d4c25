/**
 * Two builds of the CLI against each other, alternating (A B, B A, A B, …), each run its own process: the way the
 * README's "pairs" were measured on machines whose speed changes from one minute to the next.
 *
 *   npm run bench:ab -- [--runs N] <dirA> <dirB> -- <phuluc arguments, {out} for a fresh output file>
 *
 * A dir is a checkout with its CLI built (`bin/phuluc.js`, `dist/`), e.g. `git worktree add ../a <commit>`, a link
 * to this checkout's node_modules, and `npx tsc -p tsconfig.cli.json` inside it. `{out}` becomes a file in the
 * temporary folder, one per side, removed before each run (so a rollup writes a new workbook every time). Prints the
 * median and range of wall time, CPU time and peak memory of each side; the difference between two medians of an
 * unchanged build was 2% over 12 pairs on a noisy 2-core VM, so read less than that as nothing.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, runCommand, type Sample } from './run';

function usage(): never {
  process.stderr.write('usage: ab [--runs N] <dirA> <dirB> -- <phuluc arguments, {out} for the output file>\n');
  process.exit(1);
}

function parse(argv: readonly string[]): { runs: number; dirs: [string, string]; args: string[] } {
  const cut = argv.indexOf('--');
  if (cut < 0) usage();
  const head = argv.slice(0, cut);
  let runs = 10;
  const at = head.indexOf('--runs');
  if (at >= 0) {
    runs = Number(head[at + 1]);
    head.splice(at, 2);
  }
  if (!Number.isInteger(runs) || runs < 1 || head.length !== 2) usage();
  return { runs, dirs: [path.resolve(head[0] as string), path.resolve(head[1] as string)], args: argv.slice(cut + 1) };
}

function range(xs: readonly number[], digits: number): string {
  const s = [...xs].sort((a, b) => a - b);
  return `${median(s).toFixed(digits)} [${(s[0] ?? NaN).toFixed(digits)}–${(s[s.length - 1] ?? NaN).toFixed(digits)}]`;
}

function main(): void {
  const { runs, dirs, args } = parse(process.argv.slice(2));
  const buildDir = __dirname;
  const samples = new Map<string, Sample[]>(dirs.map(d => [d, []]));
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? dirs : [dirs[1], dirs[0]];
    order.forEach(dir => {
      const out = path.join(os.tmpdir(), `phuluc-ab-${process.pid}-${dirs.indexOf(dir)}.xlsx`);
      const sample = runCommand(buildDir, process.cwd(), [path.join(dir, 'bin', 'phuluc.js'), ...args.map(a => a.split('{out}').join(out))],
        () => { rmSync(out, { force: true }); });
      samples.get(dir)?.push(sample);
    });
    process.stderr.write(`  ${i + 1}/${runs}\n`);
  }
  for (const [dir, list] of samples) {
    process.stdout.write(`${dir}\n  wall ${range(list.map(s => s.wallMs / 1000), 3)} s   cpu ${range(list.map(s => s.cpuMs / 1000), 3)} s`
      + `   peak ${range(list.map(s => s.rssMB), 0)} MB   (${list.length} runs)\n`);
  }
}

main();
