/**
 * `--jobs 2` (files judged on worker threads, src/cli/pool.ts) against `--jobs 1` (in process): the same JSON, stderr,
 * exit code and workbook, cell by cell, for the public April province plus a corrupt file, and for May against April's
 * folder (`--previous`, whose communes go through the same pool). The CLI is compiled and run as whole processes:
 * workers load compiled JavaScript, which ts-jest cannot give them.
 */
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES } from '../helpers/fixtures';
import { APRIL, writeNextMonth } from '../helpers/next-month';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
let tmp: string;
let cli: string;
let marker: string;
let preload: string;

interface Run { code: number | null; stdout: string; stderr: string; threads: number }

/** Runs the compiled CLI; a preload (it runs in every thread) counts the worker threads that started. */
function run(args: string[]): Run {
  rmSync(marker, { force: true });
  const r = spawnSync(process.execPath, ['--require', preload, cli, ...args], {
    encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), PHULUC_TEST_MARKER: marker },
  });
  let threads = 0;
  try { threads = readFileSync(marker, 'utf8').length; } catch { threads = 0; }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, threads };
}

async function cellsOf(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown> = {};
  wb.eachSheet(ws => ws.eachRow({ includeEmpty: false }, row => row.eachCell({ includeEmpty: false }, c => {
    out[`${ws.name}!${c.address}`] = { value: c.value, numFmt: c.numFmt ?? null, bold: c.font?.bold === true };
  })));
  return out;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-pool-'));
  const build = path.join(tmp, 'build');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json'), '--outDir', build]);
  cli = path.join(build, 'cli', 'main.js');
  marker = path.join(tmp, 'threads');
  preload = path.join(tmp, 'preload.js');
  await fs.writeFile(preload, "if (!require('node:worker_threads').isMainThread) require('node:fs').appendFileSync(process.env.PHULUC_TEST_MARKER, 'w');\n");
});

afterAll(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

describe('rollup --jobs 2 is rollup --jobs 1', () => {
  it('gives the same JSON, messages, exit code and workbook for a province with a corrupt file', async () => {
    const dir = path.join(tmp, 'thang-4');
    await fs.cp(path.join(FIXTURES, 'province-2026-04'), dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'bao-cao-t4-2026-hong.xlsx'), 'PK\u0003\u0004 not a workbook');
    const one = run(['rollup', dir, '-o', path.join(tmp, 'one.xlsx'), '--json', '--jobs', '1']);
    const two = run(['rollup', dir, '-o', path.join(tmp, 'two.xlsx'), '--json', '--jobs', '2']);
    expect(one.threads).toBe(0);
    expect(two.threads).toBe(2);
    expect(one.code).toBe(2);
    expect(two.code).toBe(one.code);
    expect(one.stderr).toMatch(/bao-cao-t4-2026-hong\.xlsx: /);
    expect(two.stderr.replace('two.xlsx', 'one.xlsx')).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
    const cells = await cellsOf(path.join(tmp, 'one.xlsx'));
    expect(Object.keys(cells).length).toBeGreaterThan(1000);
    expect(await cellsOf(path.join(tmp, 'two.xlsx'))).toEqual(cells);
  });

  it('reads last month’s folder (--previous) through the pool with the same result', async () => {
    const may = await writeNextMonth(path.join(tmp, 'thang-5'));
    const args = (jobs: string, out: string) => ['rollup', may.dir, '--previous', APRIL, '-o', path.join(tmp, out), '--json', '--jobs', jobs];
    const one = run(args('1', 'may-one.xlsx'));
    const two = run(args('2', 'may-two.xlsx'));
    expect(one.code).toBe(0);
    // Two workers for May’s folder, two for April’s.
    expect(two.threads).toBe(4);
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(one.stdout) as { changes?: unknown[] }).changes?.length ?? 0).toBeGreaterThan(0);
    expect(await cellsOf(path.join(tmp, 'may-two.xlsx'))).toEqual(await cellsOf(path.join(tmp, 'may-one.xlsx')));
  });

  it('reads last month’s rollup workbook (--previous) beside the judging with the same result', async () => {
    const may = await writeNextMonth(path.join(tmp, 'thang-5-beside'));
    const april = path.join(tmp, 'april-rollup.xlsx');
    expect(run(['rollup', APRIL, '-o', april, '--jobs', '1']).code).toBe(0);
    const args = (jobs: string, out: string) => ['rollup', may.dir, '--previous', april, '-o', path.join(tmp, out), '--json', '--jobs', jobs];
    const one = run(args('1', 'beside-one.xlsx'));
    const two = run(args('2', 'beside-two.xlsx'));
    expect(one.code).toBe(0);
    expect(two.threads).toBe(2);
    expect(two.code).toBe(one.code);
    expect(two.stderr.replace('beside-two.xlsx', 'beside-one.xlsx')).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(one.stdout) as { changes?: unknown[] }).changes?.length ?? 0).toBeGreaterThan(0);
    expect(await cellsOf(path.join(tmp, 'beside-two.xlsx'))).toEqual(await cellsOf(path.join(tmp, 'beside-one.xlsx')));
  });

  it('stops the judging when last month’s file cannot be read beside it, and writes nothing', async () => {
    const bad = path.join(tmp, 'not-a-rollup.xlsx');
    await fs.writeFile(bad, 'PK\u0003\u0004 not a workbook');
    const args = (jobs: string, out: string) => ['rollup', APRIL, '--previous', bad, '-o', path.join(tmp, out), '--jobs', jobs];
    const one = run(args('1', 'bad-one.xlsx'));
    const two = run(args('2', 'bad-two.xlsx'));
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/--previous .*not-a-rollup\.xlsx: /);
    // The workers were started (and stopped, maybe before they ran a line: their count is not asserted).
    expect(two.code).toBe(1);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
    for (const out of ['bad-one.xlsx', 'bad-two.xlsx']) await expect(fs.access(path.join(tmp, out))).rejects.toThrow();
  });

  it('check --json prints the same report with and without workers', () => {
    const one = run(['check', path.join(FIXTURES, 'province-2026-04'), '--json', '--jobs', '1']);
    const two = run(['check', path.join(FIXTURES, 'province-2026-04'), '--json', '--jobs', '2']);
    expect(two.threads).toBe(2);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('refuses a --jobs that is not a whole number from 1 to 16', () => {
    for (const bad of ['0', '1.5', 'x', '17']) {
      const r = run(['check', FIXTURES, '--jobs', bad]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/--jobs/);
    }
  });
});
