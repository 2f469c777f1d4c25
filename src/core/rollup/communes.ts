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

/**
 * The province of a file, when the caller knows it (the CLI's --by-folder: the folder it was found in). The reports
 * name none, and 473 of the 3,321 units since 2025-07-01 share their name with a unit of another province.
 */
export type ProvinceOf = (file: string) => string | undefined;

/**
 * Which file stands for which commune. With `provinceOf`, files of one name in two provinces are two communes, each
 * shown with its province ("Ba Đình (ha-noi)") wherever the name alone would not tell them apart.
 */
export function resolveCommunes(files: readonly FileReport[], provinceOf?: ProvinceOf): RollupCommune[] {
  const keys = files.map(f => communeKey(f.commune ?? stem(f.file)));
  const provinces = files.map(f => (f.error === null ? provinceOf?.(f.file) : undefined));
  const scoped = (i: number): string => `${provinces[i] ?? ''}\u0000${keys[i] as string}`;
  // The provinces each name is sent from: a name from two of them is shown with its province.
  const provincesOf = new Map<string, Set<string>>();
  const keptByKey = new Map<string, { f: FileReport; i: number }>();
  files.forEach((f, i) => {
    if (f.error !== null) return;
    const key = scoped(i);
    const cur = keptByKey.get(key);
    if (!cur || newer({ f, i }, cur)) keptByKey.set(key, { f, i });
    const k = keys[i] as string;
    let set = provincesOf.get(k);
    if (!set) { set = new Set(); provincesOf.set(k, set); }
    set.add(provinces[i] ?? '');
  });
  return files.map((f, i) => {
    const written = (f.commune ?? '').trim() || stem(f.file);
    const province = provinces[i];
    const shared = province !== undefined && (provincesOf.get(keys[i] as string)?.size ?? 0) > 1;
    const name = shared ? `${written} (${province})` : written;
    const kept = f.error === null ? keptByKey.get(scoped(i)) : undefined;
    const counted = kept !== undefined && kept.i === i;
    return {
      name, file: f.file, encoding: f.encoding, error: f.error, period: f.period, reportDate: f.reportDate,
      counted, supersededBy: f.error === null && !counted && kept ? kept.f.file : null,
      indicatorRows: indicatorRowCount(f),
    };
  });
}
