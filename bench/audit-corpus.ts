/**
 * Corpus runner for the formula audit (a benchmark script, not a test; CI never runs it).
 *
 *   node .bench-cache/build/bench/audit-corpus.js --labels <labels.json | folder of INTEGER .properties> [--xls-map <dir>]
 *   node .bench-cache/build/bench/audit-corpus.js --unlabelled <folder> [<folder>…]
 *
 * Labelled: per workbook and pooled precision / recall of the cells of `error` / `warning` findings against the
 * labelled faulty cells (a cell counts once whatever the number of findings on it), plus mean precision (workbooks
 * with a flagged cell) and mean recall (workbooks with a labelled cell). Unlabelled: `error` / `warning` cells per
 * 1,000 formula cells (every flagged cell of a workbook nobody labelled is taken as a false alarm), with the rules that
 * raised them. `info` findings are counted apart in both modes.
 *
 * Labels JSON: `{ "workbooks": [ { "file": "path (relative to the JSON's folder)", "cells": ["Sheet1!D11", "#0!D11"] } ] }`
 * where `#0` names a sheet by its index. A folder instead reads the INTEGER corpus's configuration files
 * (bhoferTU/Abstraction-Levels-for-Model-based-Software-Debugging): `EXCEL_SHEET=..\\..\\spreadsheets\\…xlsx` and
 * `FAULTY_CELLS_n=0!D!11` (sheet index ! column ! row). `.xls` workbooks are looked up as `.xlsx` in `--xls-map`.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { auditWorkbook } from '../src/core/audit/audit';
import type { Finding } from '../src/core/audit/finding';
import type { WorkbookGrid } from '../src/core/grid/types';
import { loadWorkbook } from '../src/cli/load';

interface Labelled { readonly file: string; readonly cells: readonly string[] }

async function walk(dir: string, keep: (f: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...await walk(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out.sort();
}

async function integerLabels(dir: string, xlsMap: string | null): Promise<Labelled[]> {
  const out: Labelled[] = [];
  for (const file of await walk(dir, f => f.endsWith('.properties'))) {
    const text = await fs.readFile(file, 'utf8');
    const sheet = /^EXCEL_SHEET=(.+)$/m.exec(text)?.[1]?.trim();
    if (!sheet) continue;
    let target = path.resolve(path.dirname(file), sheet.replace(/\\\\|\\/g, '/'));
    if (target.endsWith('.xls')) {
      if (!xlsMap) continue;
      target = path.join(xlsMap, `${path.basename(target, '.xls')}.xlsx`);
    }
    const cells = [...text.matchAll(/^FAULTY_CELLS_\d+=(\d+)!([A-Z]+)!(\d+)\s*$/gm)].map(m => `#${m[1]}!${m[2]}${m[3]}`);
    out.push({ file: target, cells });
  }
  return out;
}

async function jsonLabels(file: string): Promise<Labelled[]> {
  const data = JSON.parse(await fs.readFile(file, 'utf8')) as { workbooks: Labelled[] };
  return data.workbooks.map(w => ({ file: path.resolve(path.dirname(file), w.file), cells: w.cells }));
}

/** "#0!D11" → "Sheet1!D11"; names stay. */
function resolveLabel(book: WorkbookGrid, label: string): string {
  const m = /^#(\d+)!(.+)$/.exec(label);
  if (!m) return label;
  const sheet = book.sheets[Number(m[1])];
  return `${sheet?.name ?? `#${m[1]}`}!${m[2]}`;
}

function formulaCount(book: WorkbookGrid): number {
  let n = 0;
  for (const s of book.sheets) for (const row of s.rows) for (const c of row ?? []) if (c?.f !== undefined) n++;
  return n;
}

interface Audited { readonly flagged: Set<string>; readonly info: Set<string>; readonly byRule: Map<string, number>; readonly formulas: number }

function summarise(book: WorkbookGrid, findings: readonly Finding[]): Audited {
  const flagged = new Set<string>();
  const info = new Set<string>();
  const byRule = new Map<string, number>();
  for (const f of findings) {
    const key = `${f.sheet}!${f.cell}`;
    if (f.severity === 'info') { info.add(key); continue; }
    if (!flagged.has(key)) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    flagged.add(key);
  }
  return { flagged, info, byRule, formulas: formulaCount(book) };
}

async function audit(file: string): Promise<{ book: WorkbookGrid; result: Audited } | string> {
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) return loaded.error;
  const findings = auditWorkbook(loaded.grid, { file });
  return { book: loaded.grid, result: summarise(loaded.grid, findings) };
}

const pct = (a: number, b: number): string => (b === 0 ? '–' : `${(100 * a / b).toFixed(1)}%`);

async function runLabelled(labels: Labelled[], verbose: boolean): Promise<void> {
  let tp = 0; let flagged = 0; let bugs = 0; let info = 0; let formulas = 0;
  const precisions: number[] = [];
  const recalls: number[] = [];
  let over50 = 0;
  console.log('workbook\tformulas\tbugs\tflagged\ttrue\tprecision\trecall\tinfo');
  for (const w of labels) {
    const r = await audit(w.file);
    if (typeof r === 'string') { console.log(`${path.basename(w.file)}\tunreadable: ${r}`); continue; }
    const want = new Set(w.cells.map(c => resolveLabel(r.book, c)));
    const hit = [...r.result.flagged].filter(k => want.has(k));
    tp += hit.length; flagged += r.result.flagged.size; bugs += want.size; info += r.result.info.size; formulas += r.result.formulas;
    if (r.result.flagged.size > 0) precisions.push(hit.length / r.result.flagged.size);
    if (want.size > 0) recalls.push(hit.length / want.size);
    if (r.result.flagged.size > 50) over50++;
    console.log([path.basename(w.file), r.result.formulas, want.size, r.result.flagged.size, hit.length,
      pct(hit.length, r.result.flagged.size), pct(hit.length, want.size), r.result.info.size].join('\t'));
    if (verbose) {
      for (const k of want) if (!r.result.flagged.has(k)) console.log(`  missed ${k}`);
      for (const k of r.result.flagged) if (!want.has(k)) console.log(`  false alarm ${k}`);
    }
  }
  const mean = (xs: number[]): string => (xs.length === 0 ? '–' : `${(100 * xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)}%`);
  console.log(`\npooled: ${labels.length} workbooks, ${formulas} formula cells, ${bugs} labelled cells, ${flagged} flagged (error/warning), ${tp} true`);
  console.log(`pooled precision ${pct(tp, flagged)}, pooled recall ${pct(tp, bugs)}; mean precision ${mean(precisions)} (${precisions.length} workbooks with flags), mean recall ${mean(recalls)} (${recalls.length} workbooks with labels)`);
  console.log(`false alarms per 1,000 formula cells ${(1000 * (flagged - tp) / Math.max(1, formulas)).toFixed(2)}; info cells ${info} (counted apart); workbooks above 50 flagged cells: ${over50}`);
}

async function runUnlabelled(dirs: string[], verbose: boolean): Promise<void> {
  let flagged = 0; let formulas = 0; let info = 0; let books = 0; let unreadable = 0; let withFormulas = 0;
  const byRule = new Map<string, number>();
  const worst: [string, number][] = [];
  for (const dir of dirs) {
    for (const file of await walk(dir, f => /\.xls[xm]$/i.test(f))) {
      const r = await audit(file);
      if (typeof r === 'string') { unreadable++; continue; }
      books++;
      if (r.result.formulas > 0) withFormulas++;
      flagged += r.result.flagged.size; formulas += r.result.formulas; info += r.result.info.size;
      for (const [rule, n] of r.result.byRule) byRule.set(rule, (byRule.get(rule) ?? 0) + n);
      if (r.result.flagged.size > 0) worst.push([file, r.result.flagged.size]);
      if (verbose && r.result.flagged.size > 0) console.log(`${file}\t${r.result.formulas}\t${[...r.result.flagged].slice(0, 8).join(' ')}`);
    }
  }
  worst.sort((a, b) => b[1] - a[1]);
  console.log(`unlabelled: ${books} workbooks read (${unreadable} unreadable), ${withFormulas} with formulas, ${formulas} formula cells`);
  console.log(`flagged (error/warning) cells ${flagged} = ${(1000 * flagged / Math.max(1, formulas)).toFixed(2)} per 1,000 formula cells; info cells ${info} (counted apart)`);
  console.log(`by rule: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}`);
  console.log(`most flagged: ${worst.slice(0, 5).map(([f, n]) => `${path.relative(process.cwd(), f)} ${n}`).join('; ') || 'none'}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const at = (name: string): string | null => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] ?? null : null; };
  const labels = at('--labels');
  if (labels) {
    const stat = await fs.stat(labels);
    const list = stat.isDirectory() ? await integerLabels(labels, at('--xls-map')) : await jsonLabels(labels);
    await runLabelled(list, verbose);
    return;
  }
  const i = args.indexOf('--unlabelled');
  if (i >= 0) { await runUnlabelled(args.slice(i + 1).filter(a => !a.startsWith('--')), verbose); return; }
  console.log('usage: audit-corpus --labels <labels.json|properties folder> [--xls-map dir] [--verbose] | --unlabelled <folder…>');
  process.exitCode = 1;
}

void main();
