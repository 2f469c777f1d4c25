/**
 * The reader over a folder of real workbooks (public test suites): `npm run bench:corpus -- <folder…> [--timeout 20]
 * [--jobs 1] [--json out.json] [--write-regressions <folder>]`. Not a test. Every .xlsx/.xlsm under the folder is read in its own child process
 * (corpus-child.ts) with a timeout; prints ok / refused (by reason) / crash / hang counts, the slowest and the
 * heaviest files, files whose text was decoded from a legacy encoding, and the reader-vs-exceljs cell comparison.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CompareLine, ProductLine } from './corpus-child';
import { listWorkbooks } from './workbooks';

interface Outcome {
  readonly file: string;
  readonly status: 'ok' | 'refused' | 'crash' | 'hang';
  readonly product?: ProductLine;
  readonly compare?: CompareLine;
  /** The comparison did not finish (exceljs hung or crashed) although the product did. */
  readonly compareLost?: 'crash' | 'hang';
  readonly wallMs: number;
  readonly stderr?: string;
}

function runOne(child: string, file: string, timeoutMs: number): Promise<Outcome> {
  return new Promise(resolve => {
    const start = performance.now();
    const p = spawn(process.execPath, ['--max-old-space-size=2048', child, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { if (err.length < 2000) err += d.toString(); });
    const timer = setTimeout(() => { timedOut = true; p.kill('SIGKILL'); }, timeoutMs);
    p.on('close', code => {
      clearTimeout(timer);
      const lines = out.split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l) as ProductLine | CompareLine);
      const product = lines.find((l): l is ProductLine => l.kind === 'product');
      const compare = lines.find((l): l is CompareLine => l.kind === 'compare');
      const wallMs = performance.now() - start;
      const lost = timedOut ? 'hang' : 'crash';
      if (!product) { resolve({ file, status: lost, wallMs, stderr: err.slice(0, 300) }); return; }
      resolve({
        file, status: product.status, product, wallMs,
        ...(compare ? { compare } : { compareLost: lost }),
        ...(code !== 0 && err ? { stderr: err.slice(0, 300) } : {}),
      });
    });
  });
}

/** "Tệp quá lớn … (phần x vượt …)" → "Tệp quá lớn …": reasons grouped by their first words. */
function reasonKey(reason: string): string {
  return reason.replace(/\s*\(.*$/, '').replace(/ \/ .*$/, '').slice(0, 70);
}

function pad(s: string | number, n: number): string {
  return String(s).padEnd(n);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string): string => {
    const i = args.indexOf(name);
    if (i < 0) return dflt;
    const v = args[i + 1] ?? dflt;
    args.splice(i, 2);
    return v;
  };
  const timeoutMs = Number(opt('--timeout', '20')) * 1000;
  const jobs = Math.max(1, Number(opt('--jobs', '1')));
  const jsonOut = opt('--json', '');
  const regressions = opt('--write-regressions', '');
  if (regressions) {
    // The issue-12 regression workbooks (tests/xlsx/regressions), full size, to run this over them.
    const { REGRESSIONS } = await import('../tests/xlsx/regressions/workbooks');
    await fs.mkdir(regressions, { recursive: true });
    for (const [name, build] of Object.entries(REGRESSIONS)) await fs.writeFile(path.join(regressions, name), build());
    process.stdout.write(`wrote ${Object.keys(REGRESSIONS).length} workbooks to ${regressions}\n`);
    if (args.length === 0) return;
  }
  const dirs = args;
  if (dirs.length === 0) { process.stderr.write('usage: npm run bench:corpus -- <folder…> [--timeout s] [--jobs n] [--json out]\n'); process.exitCode = 1; return; }
  const files = (await Promise.all(dirs.map(listWorkbooks))).flat();
  const child = path.join(__dirname, 'corpus-child.js');
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const f = files[next++] as string;
      outcomes.push(await runOne(child, f, timeoutMs));
      if (outcomes.length % 100 === 0) process.stderr.write(`  ${outcomes.length}/${files.length}\n`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  outcomes.sort((a, b) => a.file.localeCompare(b.file));

  const rel = (f: string) => path.relative(process.cwd(), f);
  const count = (s: Outcome['status']) => outcomes.filter(o => o.status === s).length;
  const print = (s: string) => process.stdout.write(`${s}\n`);
  print(`${files.length} files in ${dirs.join(', ')} (timeout ${timeoutMs / 1000} s, ${jobs} at a time)`);
  print(`ok ${count('ok')} · refused ${count('refused')} · crash ${count('crash')} · hang ${count('hang')}`);

  const reasons = new Map<string, number>();
  for (const o of outcomes) if (o.status === 'refused' && o.product?.reason) reasons.set(reasonKey(o.product.reason), (reasons.get(reasonKey(o.product.reason)) ?? 0) + 1);
  for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1])) print(`  refused ${pad(n, 4)} ${r}`);
  for (const o of outcomes.filter(o => o.status === 'refused')) print(`    ${rel(o.file)}: ${o.product?.reason ?? ''}`);
  for (const o of outcomes.filter(o => o.status === 'crash' || o.status === 'hang')) print(`  ${o.status} ${rel(o.file)} ${o.stderr?.split('\n')[0] ?? ''}`);

  const read = outcomes.filter(o => o.product);
  const worstMs = [...read].sort((a, b) => (b.product?.ms ?? 0) - (a.product?.ms ?? 0)).slice(0, 5);
  const worstCpu = [...read].sort((a, b) => (b.product?.cpuMs ?? 0) - (a.product?.cpuMs ?? 0)).slice(0, 5);
  print(`worst CPU time (same work): ${worstCpu.map(o => `${((o.product?.cpuMs ?? 0) / 1000).toFixed(2)} s ${rel(o.file)}`).join(' · ')}`);
  const worstMb = [...read].sort((a, b) => (b.product?.rssMB ?? 0) - (a.product?.rssMB ?? 0)).slice(0, 3);
  print(`worst time (read + check + audit, in process): ${worstMs.map(o => `${((o.product?.ms ?? 0) / 1000).toFixed(2)} s ${rel(o.file)}`).join(' · ')}`);
  print(`worst peak memory (maxRSS): ${worstMb.map(o => `${Math.round(o.product?.rssMB ?? 0)} MB ${rel(o.file)}`).join(' · ')}`);
  const over = read.filter(o => (o.product?.ms ?? 0) > 5000 || (o.product?.rssMB ?? 0) > 300);
  const overCpu = read.filter(o => (o.product?.cpuMs ?? 0) > 5000);
  print(`over 5 s of CPU: ${overCpu.length}${overCpu.length ? ` (${overCpu.map(o => rel(o.file)).join(', ')})` : ''}`);
  print(`over 5 s wall or 300 MB: ${over.length}${over.length ? ` (${over.map(o => rel(o.file)).join(', ')})` : ''}`);

  const notices = new Map<string, number>();
  for (const o of read) for (const n of new Set(o.product?.notices ?? [])) notices.set(n, (notices.get(n) ?? 0) + 1);
  print(`files with notices: ${[...notices].map(([k, n]) => `${k} ${n}`).join(' · ') || 'none'}`);
  const converted = read.filter(o => (o.product?.converted ?? 0) > 0);
  print(`files with text decoded from TCVN3/VNI: ${converted.length}`);
  for (const o of converted) print(`  ${rel(o.file)}: ${o.product?.converted} cells (${o.product?.encoding}) ${(o.product?.sample ?? []).join(' | ')}`);

  const cmp = read.map(o => o.compare).filter((c): c is CompareLine => c?.status === 'ok');
  const sum = (k: 'same' | 'differ' | 'onlyReader' | 'onlyExceljs' | 'objectObject') => cmp.reduce((n, c) => n + c[k], 0);
  const failed = read.filter(o => o.compare?.status === 'exceljs-failed').length;
  const lost = read.filter(o => o.compareLost).length;
  print(`reader vs exceljs over ${cmp.length} files (${failed} exceljs could not read, ${lost} where exceljs hung or crashed):`);
  print(`  same ${sum('same')} · differ ${sum('differ')} · only in reader ${sum('onlyReader')} · only in exceljs ${sum('onlyExceljs')} · exceljs "[object Object]" ${sum('objectObject')}`);
  const diffFiles = read.filter(o => o.compare?.status === 'ok' && o.compare.differ + o.compare.onlyReader + o.compare.onlyExceljs > 0)
    .sort((a, b) => ((b.compare?.differ ?? 0) + (b.compare?.onlyReader ?? 0) + (b.compare?.onlyExceljs ?? 0)) - ((a.compare?.differ ?? 0) + (a.compare?.onlyReader ?? 0) + (a.compare?.onlyExceljs ?? 0)));
  print(`  files with a difference: ${diffFiles.length}; the first 15:`);
  for (const o of diffFiles.slice(0, 15)) print(`    ${rel(o.file)} differ ${o.compare?.differ} reader-only ${o.compare?.onlyReader} exceljs-only ${o.compare?.onlyExceljs}: ${(o.compare?.examples ?? []).slice(0, 2).join(' | ')}`);
  if (jsonOut) await fs.writeFile(jsonOut, JSON.stringify(outcomes, null, 1));
}

main().catch((e: unknown) => { process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`); process.exitCode = 1; });
