/** The bench's output: a readable table with the targets of issue 6, and one JSON line with every figure. */
import type { BundleFigures } from './bundle';

export interface TaskFigures {
  readonly wallMs: number;
  readonly workMs: number | null;
  readonly cpuMs: number;
  readonly rssMB: number;
  readonly runs: number;
  /** Whether the command loaded exceljs (commands measured end to end). */
  readonly exceljs?: boolean;
}

export interface SetFigures {
  readonly communes: number;
  readonly tasks: Readonly<Record<string, TaskFigures>>;
  readonly stages: Readonly<Record<string, number>> | null;
}

export interface ReportInput {
  readonly machine: Readonly<Record<string, string | number>>;
  readonly reps: number;
  readonly sets: readonly SetFigures[];
  readonly office: Readonly<Record<string, unknown>> | null;
  readonly bundle: BundleFigures | { missing: string };
  readonly hasRollup: boolean;
  readonly generator: number;
}

const LABELS: Readonly<Record<string, string>> = {
  floor: 'floor: fflate unzip + saxes scan',
  exceljs: 'plain exceljs read',
  read: 'product reader (src/xlsx)',
  startup: 'phuluc --version (start-up)',
  check: 'phuluc check --json (end to end)',
  rollup: 'phuluc rollup -o (end to end)',
  append: 'rollup -o into last run\'s output',
  previous: 'rollup --previous last run\'s output',
  stages: 'rollup pipeline in one process',
};

const sec = (ms: number | null | undefined): string => (ms === null || ms === undefined || !Number.isFinite(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`);
const mb = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? '–' : `${Math.round(n)} MB`);
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);

interface Target { readonly name: string; readonly ok: boolean | null; readonly detail: string }

function targets(input: ReportInput): Target[] {
  const out: Target[] = [];
  const small = input.sets.find(s => s.communes === 150);
  const large = input.sets.find(s => s.communes === 3321);
  const rollup = (s: SetFigures | undefined) => s?.tasks['rollup'];
  if (!input.hasRollup) out.push({ name: 'rollup targets', ok: null, detail: 'the rollup command is not built (dist/cli/commands/rollup.js missing)' });
  if (small && rollup(small) && small.tasks['exceljs']) {
    const r = rollup(small) as TaskFigures;
    const x = small.tasks['exceljs'] as TaskFigures;
    out.push({ name: 'rollup of 150 ≤ 1.5 × plain exceljs read (whole processes)', ok: r.wallMs <= 1.5 * x.wallMs, detail: `${sec(r.wallMs)} vs ${sec(x.wallMs)} = ${(r.wallMs / x.wallMs).toFixed(2)}×` });
    out.push({ name: 'the same in CPU time', ok: r.cpuMs <= 1.5 * x.cpuMs, detail: `${sec(r.cpuMs)} vs ${sec(x.cpuMs)} = ${(r.cpuMs / x.cpuMs).toFixed(2)}×` });
    const st = small.stages?.['total'];
    if (st !== undefined && x.workMs !== null) out.push({ name: 'rollup of 150 in process ≤ 1.5 × exceljs read in process', ok: st <= 1.5 * x.workMs, detail: `${sec(st)} vs ${sec(x.workMs)} = ${(st / x.workMs).toFixed(2)}×` });
    const f = small.tasks['floor'];
    if (st !== undefined && f?.workMs) out.push({ name: 'on the way to ≤ 2 × the floor (in process)', ok: st <= 2 * f.workMs, detail: `${sec(st)} vs floor ${sec(f.workMs)} = ${(st / f.workMs).toFixed(2)}×` });
  }
  if (large && rollup(large)) {
    const r = rollup(large) as TaskFigures;
    out.push({ name: 'rollup of 3,321 ≤ 30 s', ok: r.wallMs <= 30_000, detail: sec(r.wallMs) });
  }
  // Issue 16: whole processes against the floor's whole process, and peak memory.
  for (const s of [small, large]) {
    const r = rollup(s);
    const f = s?.tasks['floor'];
    if (!s || !r || !f) continue;
    const n = s.communes.toLocaleString('en');
    out.push({ name: `rollup of ${n} ≤ 3 × the floor (whole processes, wall)`, ok: r.wallMs <= 3 * f.wallMs, detail: `${sec(r.wallMs)} vs ${sec(f.wallMs)} = ${(r.wallMs / f.wallMs).toFixed(2)}×` });
    out.push({ name: `  the same in CPU time`, ok: r.cpuMs <= 3 * f.cpuMs, detail: `${sec(r.cpuMs)} vs ${sec(f.cpuMs)} = ${(r.cpuMs / f.cpuMs).toFixed(2)}×` });
  }
  if (large && rollup(large)) {
    const r = rollup(large) as TaskFigures;
    out.push({ name: 'rollup of 3,321 < 300 MB peak', ok: r.rssMB < 300, detail: mb(r.rssMB) });
  }
  // The month-over-month rollup within the same bounds.
  const prev = large?.tasks['previous'];
  const lf = large?.tasks['floor'];
  if (prev && lf) {
    out.push({ name: 'rollup --previous of 3,321 ≤ 3 × the floor (wall)', ok: prev.wallMs <= 3 * lf.wallMs, detail: `${sec(prev.wallMs)} vs ${sec(lf.wallMs)} = ${(prev.wallMs / lf.wallMs).toFixed(2)}×` });
    out.push({ name: 'rollup --previous of 3,321 < 300 MB peak', ok: prev.rssMB < 300, detail: mb(prev.rssMB) });
  }
  const check = large?.tasks['check'];
  if (check) out.push({ name: 'check of 3,321 < 150 MB peak', ok: check.rssMB < 150, detail: mb(check.rssMB) });
  const o = input.office as { check70?: { read: { syncs: number }; colour: { syncs: number; maxRequest: number } }; check5000?: { read: { syncs: number }; colour: { syncs: number; maxRequest: number } }; rollupWrite?: { maxRequest: number } } | null;
  if (o?.check70 && o.check5000 && o.rollupWrite) {
    const same = o.check70.read.syncs === o.check5000.read.syncs && o.check70.colour.syncs === o.check5000.colour.syncs;
    out.push({ name: 'context.sync count independent of rows', ok: same, detail: `read ${o.check70.read.syncs}/${o.check5000.read.syncs}, colour ${o.check70.colour.syncs}/${o.check5000.colour.syncs} (70 / 5,000 rows)` });
    const max = Math.max(o.check70.colour.maxRequest, o.check5000.colour.maxRequest, o.rollupWrite.maxRequest);
    out.push({ name: 'no request over 4 MB', ok: max <= 4 * 1024 * 1024, detail: `largest ${kb(max)}` });
  }
  if ('firstLoadGzip' in input.bundle) out.push({ name: 'task pane first load ≤ 300 KB gzip', ok: input.bundle.firstLoadGzip <= 300 * 1024, detail: kb(input.bundle.firstLoadGzip) });
  return out;
}

function officeLines(office: ReportInput['office']): string[] {
  if (!office) return ['Office.js round trips: not measured (the 150-commune set is not in this run)'];
  type T = { syncs: number; maxRequest: number; maxResponse: number; violations: number };
  const o = office as { check70: { read: T; colour: T }; check5000: { read: T; colour: T }; rollupWrite: T & { sheets: number; cells: number } };
  const line = (label: string, t: T) => `  ${pad(label, 40)} ${lpad(String(t.syncs), 3)} syncs   largest request ${lpad(kb(t.maxRequest), 10)}   response ${lpad(kb(t.maxResponse), 10)}${t.violations ? `   ${t.violations} over the limits` : ''}`;
  return [
    'Office.js round trips (sync-counting fake Excel of tests/excel):',
    line('read a 70-row sheet', o.check70.read), line('colour it', o.check70.colour),
    line('read a 5,000-row sheet', o.check5000.read), line('colour it', o.check5000.colour),
    line(`write the rollup of 150 (${o.rollupWrite.sheets} sheets)`, o.rollupWrite),
  ];
}

export function formatReport(input: ReportInput): { table: string; json: unknown } {
  const m = input.machine;
  const lines = [`Phụ lục 57 benchmark — ${m['cpus']} × ${m['cpu']}, ${m['memGB']} GB, Node ${m['node']}, ${m['platform']}`,
    `median of ${input.reps} alternating runs. wall: process start to exit; work: timed inside`,
    'the process after loading; cpu: CPU time of the whole process (start-up included), steadier on a busy machine'];
  if (Number(m['loadBefore']) > Number(m['cpus']) * 0.5 || Number(m['loadAfter']) > Number(m['cpus']) * 0.5) {
    lines.push(`! the machine was busy (load ${m['loadBefore']} → ${m['loadAfter']} on ${m['cpus']} CPUs): wall times are inflated, cpu times less so`);
  }
  lines.push('');
  const head = `${pad('', 36)}${input.sets.map(s => lpad(`${s.communes.toLocaleString('en')} communes`, 36)).join('')}`;
  lines.push(head, `${pad('', 36)}${input.sets.map(() => `${lpad('wall', 9)}${lpad('work', 9)}${lpad('cpu', 9)}${lpad('peak', 9)}`).join('')}`);
  for (const task of Object.keys(LABELS)) {
    if (!input.sets.some(s => s.tasks[task])) continue;
    lines.push(`${pad(LABELS[task] ?? task, 36)}${input.sets.map(s => {
      const t = s.tasks[task];
      return `${lpad(sec(t?.wallMs), 9)}${lpad(sec(t?.workMs), 9)}${lpad(sec(t?.cpuMs), 9)}${lpad(mb(t?.rssMB), 9)}`;
    }).join('')}`);
  }
  if (!input.hasRollup) lines.push('phuluc rollup: not measured, the rollup command is not built');
  for (const s of input.sets) {
    if (!s.stages) continue;
    const st = s.stages;
    const all = ['read', 'recognize', 'judge', 'match', 'write'].reduce((n, k) => n + (st[k] ?? 0), 0);
    lines.push(`rollup stages, ${s.communes} communes: ${['read', 'recognize', 'judge', 'match', 'write'].map(k => `${k} ${sec(st[k])} (${Math.round(100 * (st[k] ?? 0) / all)}%)`).join(' · ')}`);
    const f = s.tasks['floor'];
    if (f?.workMs) lines.push(`  in process: ${sec(all)} = ${(all / f.workMs).toFixed(2)}× the floor's work (${sec(f.workMs)})`);
  }
  for (const s of input.sets) {
    const f = s.tasks['floor'];
    const ratios = ['check', 'rollup'].map(k => {
      const t = s.tasks[k];
      return t && f ? `${k} ${(t.wallMs / f.wallMs).toFixed(2)}× wall, ${(t.cpuMs / f.cpuMs).toFixed(2)}× cpu` : null;
    }).filter(Boolean);
    if (ratios.length) lines.push(`to the floor (whole processes), ${s.communes} communes: ${ratios.join(' · ')}`);
    const loaded = ['startup', 'check', 'rollup', 'append', 'previous'].filter(k => s.tasks[k]?.exceljs !== undefined).map(k => `${k} ${s.tasks[k]?.exceljs ? 'yes' : 'no'}`);
    if (loaded.length) lines.push(`exceljs loaded: ${loaded.join(' · ')}`);
  }
  lines.push('', ...officeLines(input.office), '');
  if ('missing' in input.bundle) lines.push(`Task pane bundle: not measured — missing ${input.bundle.missing}`);
  else {
    lines.push(`Task pane first load: ${kb(input.bundle.firstLoadGzip)} gzip (${input.bundle.firstLoadFiles.join(', ')})`);
    for (const c of input.bundle.lazy) lines.push(`  lazy ${pad(c.file, 22)} ${lpad(kb(c.gzip), 10)} gzip  ${c.packages.join(', ')}`);
  }
  const t = targets(input);
  lines.push('', 'Targets (issue 6):', ...t.map(x => `  ${x.ok === null ? '?' : x.ok ? '✓' : '✗'} ${pad(x.name, 58)} ${x.detail}`));
  const json = { bench: 'phuluc57', generator: input.generator, date: new Date().toISOString(), machine: input.machine, reps: input.reps, sets: input.sets, office: input.office, bundle: input.bundle, targets: t };
  return { table: lines.join('\n'), json };
}
