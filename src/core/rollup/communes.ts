/**
 * Which file stands for which commune: names from the reports (the file name as a fallback), and when a
 * commune sent two files, the newer one counts and the other is kept for review.
 */
import type { FileReport } from '../check/report';
import { toneKey } from '../text/tone-key';
import type { RollupCommune } from './types';

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function stem(file: string): string {
  return baseName(file).replace(/\.[^.]+$/, '');
}

/** The words a commune's name may be written after, with their marks or (typed plainly) without. */
const COUNCIL = ['ủy ban nhân dân', 'uy ban nhan dan', 'ubnd'].map(toneKey);
const LEVEL = ['xã', 'xa', 'phường', 'phuong', 'thị trấn', 'thi tran', 'đặc khu', 'dac khu'].map(toneKey);

function after(key: string, prefixes: readonly string[]): string {
  for (const p of prefixes) if (key.startsWith(`${p} `)) return key.slice(p.length + 1);
  return key;
}

/**
 * "Xã Phú Thịnh", "UBND xã Phú Thịnh", "PHÚ THỊNH" and "Phú  Thịnh" are one commune; so are "Hòa An" and "Hoà An"
 * (where the tone mark sits). Diacritics count: "Thành Xuyên" and "Thanh Xuyên", "Đồng Hà" and "Đông Hà" are distinct
 * communes (a national set has hundreds of such pairs), and a name typed without marks is a spelling of its own, as
 * "An Giang" has none to type (see compareMonths for a commune whose marks changed from one month to the next).
 */
export function communeKey(name: string): string {
  return after(after(toneKey(name), COUNCIL), LEVEL);
}

function indicatorRowCount(f: FileReport): number {
  let n = 0;
  for (const t of f.tables) if (t.kind === 'indicators') n += t.rows.length;
  return n;
}

/** Newer report date first, then later period, then the file given later. */
function newer(a: { f: FileReport; i: number }, b: { f: FileReport; i: number }): boolean {
  const da = a.f.reportDate ?? '', db = b.f.reportDate ?? '';
  if (da !== db) return da > db;
  const pa = a.f.period ?? -1, pb = b.f.period ?? -1;
  if (pa !== pb) return pa > pb;
  return a.i > b.i;
}

export function resolveCommunes(files: readonly FileReport[]): RollupCommune[] {
  const keptByKey = new Map<string, { f: FileReport; i: number }>();
  files.forEach((f, i) => {
    if (f.error !== null) return;
    const key = communeKey(f.commune ?? stem(f.file));
    const cur = keptByKey.get(key);
    if (!cur || newer({ f, i }, cur)) keptByKey.set(key, { f, i });
  });
  return files.map((f, i) => {
    const name = (f.commune ?? '').trim() || stem(f.file);
    const kept = f.error === null ? keptByKey.get(communeKey(f.commune ?? stem(f.file))) : undefined;
    const counted = kept !== undefined && kept.i === i;
    return {
      name, file: f.file, encoding: f.encoding, error: f.error, period: f.period, reportDate: f.reportDate,
      counted, supersededBy: f.error === null && !counted && kept ? kept.f.file : null,
      indicatorRows: indicatorRowCount(f),
    };
  });
}
