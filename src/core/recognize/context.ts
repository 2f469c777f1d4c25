import type { SheetGrid } from '../grid/types';
import { textAt } from '../grid/access';
import { clean, fold } from '../text/fold';
import { memoText } from '../text/memo';

/**
 * Folds one character at a time so that indices in the folded text are indices in the original. An ASCII character
 * folds to its lower case (fold keeps printable ASCII but for case; white space, which it drops, stays as it is), so
 * only the others are looked up: one lookup per character was a fifth of all folding on 3,321 communes (profiled).
 * The output is exactly as long as the input.
 */
export function foldAligned(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) < 0x80) continue;
    if (i > from) out += s.slice(from, i).toLowerCase();
    const cp = s.codePointAt(i) as number;
    out += foldedPoint(cp);
    i += cp > 0xffff ? 1 : 0;
    from = i + 1;
  }
  return from === 0 ? s.toLowerCase() : out + s.slice(from).toLowerCase();
}

/** What one code point folds to in foldAligned, remembered by its number (a caption's letters recur in every file). */
const foldedPoints = new Map<number, string>();
function foldedPoint(cp: number): string {
  let out = foldedPoints.get(cp);
  if (out === undefined) {
    const ch = String.fromCodePoint(cp);
    const f = fold(ch);
    // A character outside the BMP is two code units: two go out, or every later index would be one off.
    out = f.length === ch.length ? f : ch.length === 1 ? ch.toLowerCase() : ' '.repeat(ch.length);
    // Bounded: code points are at most 1,114,112, and a workbook's distinct ones a few hundred.
    if (foldedPoints.size >= 4096) foldedPoints.clear();
    foldedPoints.set(cp, out);
  }
  return out;
}

// Stops at punctuation or at words that end a name ("về …", "năm 2026", "tháng 4", "ngày 24"); "Thắng", "Nam" and
// "Tịnh" stay inside names because only a following number makes them a date.
const COMMUNE = /(?:uy ban nhan dan|ubnd|dang uy|hoi dong nhan dan|hdnd)\s+(xa|phuong|thi tran)\s+([a-z][a-z ]*?)(?=\s*(?:[)(,;.:\-–\n]|$|\bve\b|\b(?:nam|thang|ngay)\s+\d|\bbao cao\b|\bke hoach\b))/;

/*
 * Case is changed with toLowerCase / toUpperCase, not toLocale…Case('vi'): Unicode's language-sensitive case mappings
 * are for Lithuanian, Turkish and Azeri only (SpecialCasing.txt, https://www.unicode.org/Public/UCD/latest/ucd/
 * SpecialCasing.txt), so Vietnamese maps as the root locale does, and the locale form went through ICU at about 16 µs
 * a caption (profiled on 3,321 communes). tests/core/recognize/case.test.ts checks the two agree.
 */

/** "PHÚ THỊNH" → "Phú Thịnh". */
export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .filter(w => w !== '')
    .map(w => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/**
 * In running text a proper name is the run of capitalised syllables: "Phượng Tiến đã ban hành …" → "Phượng Tiến".
 * Text in capitals or in lower case throughout says nothing by its case, and is kept whole.
 */
function capitalisedRun(name: string): string {
  const words = name.split(' ').filter(w => w !== '');
  const caps = words.map(w => isUpper(w.charAt(0)));
  const allCaps = words.every(w => w === w.toUpperCase());
  if (allCaps || !caps[0]) return name;
  const n = caps.indexOf(false);
  return n < 0 ? name : words.slice(0, n).join(' ');
}

/**
 * The commune or ward named in a text such as "(Kèm theo … của UBND xã Phú Thịnh)", in normal case. Remembered per
 * text: the captions before the one naming the commune (the motto, the agency, the title) are the same in every file.
 */
export const communeIn = memoText((text: string): string | null => nameBy(COMMUNE, text));

const NAME_END = String.raw`(?=\s*(?:[)(,;.:\-–\n]|$|\bve\b|\b(?:nam|thang|ngay|quy)\s+\d|\bbao cao\b|\bke hoach\b|\bnam 20))`;
/** "XÃ HÒA BÌNH" alone on its line, the second line of the agency block above the national motto. */
const AGENCY_LINE = /^(xa|phuong|thi tran)\s+([a-z][a-z ]{1,30})$/;
/** "… trên địa bàn xã Phú Thịnh tháng 4/2026", "… của xã Hòa Bình". */
const AREA = new RegExp(String.raw`(?:dia ban|cua|tai)\s+(xa|phuong|thi tran)\s+([a-z][a-z ]*?)` + NAME_END);

/** Weaker mentions, used only when no caption names the commune's People's Committee or Party Committee. */
export const communeMentionIn = memoText((text: string): string | null => nameBy(AGENCY_LINE, text, true) ?? nameBy(AREA, text, true));

/** `capitalised`: the name must start with a capital, as proper names do ("xã hội số" names nothing). */
function nameBy(re: RegExp, text: string, capitalised = false): string | null {
  const s = clean(text).replace(/\s+/g, ' ');
  const folded = foldAligned(s);
  const m = re.exec(folded);
  if (!m || m[2] === undefined) return null;
  const start = m.index + m[0].length - m[2].length;
  if (capitalised && !isUpper(s.charAt(start))) return null;
  const name = capitalisedRun(s.slice(start, start + m[2].length).trim());
  return name.length >= 2 ? titleCase(name) : null;
}

const FILE_WORDS = new Set(['bao', 'cao', 'ke', 'hoach', 'phu', 'luc', 'bieu', 'mau', 'thang', 'nam', 'quy', 'ket', 'qua',
  'tong', 'hop', 'chi', 'tieu', 'nhiem', 'vu', 'xa', 'phuong', 'ubnd', 'bc', 'kh', 'pl', 'nq', 'final', 'ban', 'sua', 'copy']);

/** A commune name guessed from a file name like "bao-cao-t4-2026-phu_thinh.xlsx"; null when nothing is left. */
export function communeFromFileName(fileName: string): string | null {
  const stem = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[a-z0-9]+$/i, '');
  // Words joined by "_" are one name ("phu_thinh"); prefer such a run when present.
  const parts = stem.split(/[-\s.]+/).filter(p => p !== '');
  const joined = parts.filter(p => p.includes('_'));
  const candidates = (joined.length > 0 ? joined.map(p => p.replace(/_/g, ' ')) : parts)
    .flatMap(p => p.split(' '))
    .filter(w => !/\d/.test(w) && !FILE_WORDS.has(fold(w)));
  if (joined.length === 0 && candidates.length > 3) return null;
  return candidates.length > 0 ? titleCase(candidates.join(' ')) : null;
}

/** Texts above the first table of a sheet (title, caption), where names and dates are written. */
export function captionTexts(sheet: SheetGrid, untilRow: number): string[] {
  const out: string[] = [];
  const last = Math.min(untilRow, sheet.rowCount, 15);
  for (let r = 1; r <= last; r++) {
    const cells = sheet.rows[r - 1];
    if (!cells) continue;
    for (let c = 1; c <= cells.length; c++) {
      const t = textAt(sheet, r, c);
      if (t !== '') out.push(t);
    }
  }
  return out;
}

export function communeOf(captions: readonly string[], fileName: string): string | null {
  for (const find of [communeIn, communeMentionIn]) {
    for (const t of captions) {
      const name = find(t);
      if (name) return name;
    }
  }
  return communeFromFileName(fileName);
}
