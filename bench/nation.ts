/**
 * A national rollup of the real units (a benchmark script, not a test; CI never runs it):
 *
 *   npm run bench:nation -- <merges.json>
 *
 * The list is the `mapping/merges.json` of the public dvhcvn/20250701 repository (34 provinces, 3,321 communes, wards
 * and special zones since 2025-07-01), fetched into a local folder. One workbook per unit is generated with the bench's
 * own generator (generate.ts), named in its captions as the unit is ("của UBND phường Ba Đình"), in a folder per
 * province under .bench-cache/sets (git-ignored; nothing of the list is copied into the project). Then `phuluc rollup
 * --json` of the tree, without and with `--by-folder`: how many communes get a column, how many names are read as
 * the list writes them, and the time each took.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { communeKey } from '../src/core/rollup/communes';
import type { RollupJson } from '../src/core/rollup/json';
import { communeWorkbook, slug } from './generate';
import { readUnits, splitUnit, type Province } from './units';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The tree, generated once per list (a "complete" marker written last). */
async function ensureNation(provinces: readonly Province[], listHash: string): Promise<string> {
  const dir = path.join(ROOT, '.bench-cache', 'sets', `nation-${listHash}-v1`);
  if (existsSync(path.join(dir, 'complete'))) return dir;
  await fs.rm(dir, { recursive: true, force: true });
  let i = 0;
  for (const p of provinces) {
    const folder = path.join(dir, slug(p.name.replace(/^(Tỉnh|Thành phố)\s+/u, '')));
    await fs.mkdir(folder, { recursive: true });
    for (const u of p.level2s) {
      const { level, name } = splitUnit(u.name);
      const bytes = await communeWorkbook(name, 7_000_003 + i, level).xlsx.writeBuffer();
      await fs.writeFile(path.join(folder, `bao-cao-t4-2026-${String(++i).padStart(4, '0')}-${slug(name)}.xlsx`), new Uint8Array(bytes));
      if (i % 500 === 0) process.stderr.write(`  ${i} workbooks\n`);
    }
  }
  await fs.writeFile(path.join(dir, 'complete'), `${i} units\n`);
  return dir;
}

function rollup(dir: string, extra: readonly string[]): { json: RollupJson; ms: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'phuluc.js'), 'rollup', dir, '--json', ...extra],
    { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 2) throw new Error(`rollup failed (${r.status ?? r.signal})`);
  return { json: JSON.parse(r.stdout) as RollupJson, ms };
}

/** Columns of Tổng hợp: every commune counts once in each catalog indicator's counts, reported or not. */
function columns(json: RollupJson): number {
  const ind = json.indicators[0];
  return ind ? Object.values(ind.counts).reduce((n, v) => n + v, 0) : 0;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (file === undefined) {
    process.stderr.write('usage: nation <merges.json of dvhcvn/20250701>\n');
    process.exit(1);
  }
  const { provinces, text } = readUnits(file);
  const units = provinces.reduce((n, p) => n + p.level2s.length, 0);
  const dir = await ensureNation(provinces, createHash('sha256').update(text).digest('hex').slice(0, 8));
  // Each generated file's unit, to check the names read.
  const expected = new Map<string, string>();
  for (const p of provinces) for (const u of p.level2s) expected.set(String(expected.size + 1).padStart(4, '0'), splitUnit(u.name).name);
  for (const extra of [[], ['--by-folder']] as const) {
    const { json, ms } = rollup(dir, extra);
    let wrong = 0;
    const examples: string[] = [];
    for (const c of json.communes) {
      const n = /^bao-cao-t4-2026-(\d{4})-/.exec(path.basename(c.file))?.[1];
      const want = n !== undefined ? expected.get(n) : undefined;
      const got = c.name.replace(/ \([^()]*\)$/u, '');
      if (want === undefined || communeKey(got) !== communeKey(want)) { wrong++; if (examples.length < 8) examples.push(`${want ?? '?'} → ${c.name}`); }
    }
    console.log(`rollup ${extra.join(' ') || '(plain)'}: ${columns(json)} of ${units} units get a column; names read `
      + `${json.communes.length - wrong} of ${json.communes.length}${examples.length ? ` (${examples.join('; ')})` : ''}; ${(ms / 1000).toFixed(2)} s`);
  }
}

void main();
