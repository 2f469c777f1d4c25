/**
 * The communes' names against a list of the real ones (a benchmark script, not a test; CI never runs it):
 *
 *   npm run bench:names -- <merges.json>
 *
 * The list is the `mapping/merges.json` of the public dvhcvn/20250701 repository (the 34 provinces and 3,321 communes,
 * wards and special zones since 2025-07-01: `data[].name`, `data[].level2s[].name`), fetched into a local folder;
 * nothing of it is copied into this project. Two measures:
 * - which distinct units one key takes for one commune, within a province (what a province's rollup meets) and
 *   nationally: the key before 2026-12-04 (diacritics folded away) against communeKey;
 * - whether the name is read back from the captions a report writes it in ("… của UBND xã X)", the agency line in
 *   capitals, "trên địa bàn xã X tháng 4/2026"): every miss is listed.
 */
import { communeIn, communeMentionIn } from '../src/core/recognize/context';
import { communeKey } from '../src/core/rollup/communes';
import { readUnits, splitUnit, type Province } from './units';

/** communeKey as it was before 2026-12-04: diacritics folded away. */
function foldedKey(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/^(uy ban nhan dan|ubnd)\s+/, '').replace(/^(xa|phuong|thi tran)\s+/, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Units of one key beyond the first, and a few examples. */
function collisions(provinces: readonly Province[], key: (name: string) => string, perProvince: boolean): { extra: number; examples: string[] } {
  const groups = new Map<string, string[]>();
  for (const p of provinces) {
    for (const u of p.level2s) {
      const k = `${perProvince ? `${p.name}|` : ''}${key(u.name)}`;
      const g = groups.get(k);
      const label = `${u.name} (${p.name})`;
      if (g) g.push(label); else groups.set(k, [label]);
    }
  }
  const many = [...groups.values()].filter(g => g.length > 1);
  return { extra: many.reduce((n, g) => n + g.length - 1, 0), examples: many.slice(0, 5).map(g => g.join(' / ')) };
}

function main(): void {
  const file = process.argv[2];
  if (file === undefined) {
    process.stderr.write('usage: commune-names <merges.json of dvhcvn/20250701>\n');
    process.exit(1);
  }
  const { provinces } = readUnits(file);
  const units = provinces.reduce((n, p) => n + p.level2s.length, 0);
  console.log(`${provinces.length} provinces, ${units} units`);
  for (const [label, key] of [['folded (before 2026-12-04)', foldedKey], ['communeKey', communeKey]] as const) {
    const within = collisions(provinces, key, true);
    const national = collisions(provinces, key, false);
    console.log(`${label}: ${within.extra} units taken for another of their province, ${national.extra} nationally`);
    for (const e of within.examples) console.log(`  within a province: ${e}`);
    for (const e of national.examples.slice(0, 2)) console.log(`  nationally: ${e}`);
  }
  const forms: ReadonlyArray<readonly [string, (level: string, name: string) => string, (text: string) => string | null]> = [
    ['caption', (l, n) => `(Kèm theo Báo cáo số     /BC-UBND ngày 24/4/2026 của UBND ${l} ${n})`, communeIn],
    ['committee in capitals', (l, n) => `ỦY BAN NHÂN DÂN ${l} ${n}`.toUpperCase(), communeIn],
    ['agency line', (l, n) => `${l} ${n}`.toUpperCase(), communeMentionIn],
    ['area', (l, n) => `Kết quả triển khai trên địa bàn ${l} ${n} tháng 4/2026`, communeMentionIn],
  ];
  for (const [label, write, read] of forms) {
    const misses: string[] = [];
    for (const p of provinces) {
      for (const u of p.level2s) {
        const { level, name } = splitUnit(u.name);
        const got = read(write(level, name));
        if (got === null || communeKey(got) !== communeKey(name)) misses.push(`${u.name} → ${got ?? '–'}`);
      }
    }
    console.log(`${label}: ${units - misses.length} of ${units} names read back${misses.length ? `; missed: ${misses.join('; ')}` : ''}`);
  }
}

main();
