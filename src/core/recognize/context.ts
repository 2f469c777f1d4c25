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

// Communes, wards and the special zones (đặc khu: Phú Quốc, Côn Đảo …, 13 of the 3,321 units since 2025-07-01).
// Stops at punctuation or at words that end a name ("về …", "năm 2026", "tháng 4", "ngày 24"); "Thắng", "Nam" and
// "Tịnh" stay inside names because only a following number makes them a date.
/**
 * A name's words as folded: letters, with an apostrophe inside some (Ea H'Leo, M'Drắk, B'Lao), or a number of one or two
 * digits (Hà Giang 2, Phường 2 Bảo Lộc): 52 of the 3,321 units since 2025-07-01 have one or the other (measured with
 * bench/commune-names.ts). Words are single-spaced (nameBy collapses white space).
 */
const WORD = String.raw`(?:[a-z]+(?:['\u2019][a-z]+)*|\d{1,2})`;
/**
 * Seven names are two joined by a dash (Văn Miếu - Quốc Tử Giám, Lâm Viên - Đà Lạt); a dash before a level, a date or
 * a document's word ends the name instead ("xã Phú Thịnh - tỉnh Thái Nguyên", "- tháng 4", "- Báo cáo").
 */
const AFTER_DASH_STOPS = String.raw`(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu|thang|nam|quy|ngay|bao cao|ke hoach|phu luc|ubnd|uy ban|kem theo|ve|nhiem vu|chi tieu|ket qua|so|dot|lan|ban)\b`;
const JOINED = String.raw`(?: ?[-–] ?(?!${AFTER_DASH_STOPS})${WORD}(?: ${WORD})*?)?`;
const NAME = String.raw`(${WORD}(?: ${WORD})*?${JOINED})`;
const COMMUNE = new RegExp(String.raw`(?:uy ban nhan dan|ubnd|dang uy|hoi dong nhan dan|hdnd)\s+(xa|phuong|thi tran|dac khu)\s+${NAME}(?=\s*(?:[)(,;.:\-–\n]|$|\bve\b|\b(?:nam|thang|ngay)\s+\d|\bbao cao\b|\bke hoach\b))`);

/*
 * Case is changed with toLowerCase / toUpperCase, not toLocale…Case('vi'): Unicode's language-sensitive case mappings
 * are for Lithuanian, Turkish and Azeri only (SpecialCasing.txt, https://www.unicode.org/Public/UCD/latest/ucd/
 * SpecialCasing.txt), so Vietnamese maps as the root locale does, and the locale form went through ICU at about 16 µs
 * a caption (profiled on 3,321 communes). tests/core/recognize/case.test.ts checks the two agree.
 */

/** "PHÚ THỊNH" → "Phú Thịnh", "EA H'LEO" → "Ea H'Leo" (a syllable after an apostrophe is a name's too). */
export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .filter(w => w !== '')
    .map(w => w.replace(/(^|['\u2019])(\p{L})/gu, (_m, at: string, ch: string) => at + ch.toUpperCase()))
    .join(' ');
}

/** A name as written when its case says something ("Ea H'Leo", "Cư M'gar"), in title case when all one case. */
function nameCase(s: string): string {
  return s === s.toUpperCase() || s === s.toLowerCase() ? titleCase(s) : s;
}

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/**
 * In running text a proper name is the run of capitalised syllables: "Phượng Tiến đã ban hành …" → "Phượng Tiến".
 * Text in capitals or in lower case throughout says nothing by its case, and is kept whole.
 */
function capitalisedRun(name: string): string {
  const words = name.split(' ').filter(w => w !== '');
  // A number inside a name continues it ("Hà Giang 2"), as does a capitalised word, and a dash before one.
  const caps = words.map((w, i) => isUpper(w.charAt(0)) || /^\d/.test(w) || (/^[-–]$/.test(w) && isUpper((words[i + 1] ?? '').charAt(0))));
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
const AGENCY_LINE = new RegExp(String.raw`^(xa|phuong|thi tran|dac khu)\s+(${WORD}(?: ${WORD}){0,6}(?: ?[-–] ?${WORD}(?: ${WORD}){0,4})?)$`);
/** "… trên địa bàn xã Phú Thịnh tháng 4/2026", "… của xã Hòa Bình". */
const AREA = new RegExp(String.raw`(?:dia ban|cua|tai)\s+(xa|phuong|thi tran|dac khu)\s+${NAME}` + NAME_END);

/** Weaker mentions, used only when no caption names the commune's People's Committee or Party Committee. */
export const communeMentionIn = memoText((text: string): string | null => nameBy(AGENCY_LINE, text, true) ?? nameBy(AREA, text, true));

/**
 * "về" ends a name ("… của UBND xã Phú Thịnh về việc …"), but "Vệ", "Vẽ" … fold to the same "ve" and may be part of one
 * ("xã Lưu Vệ"): in the folded text those are made "vq", which the patterns take for a plain word. Same length, so
 * indices still point into the original.
 */
function aboutOnly(s: string, folded: string): string {
  if (!folded.includes('ve')) return folded;
  return folded.replace(/\bve\b/g, (m, at: number) => (s.slice(at, at + 2).toLowerCase() === 'về' ? m : 'vq'));
}

/** `capitalised`: the name must start with a capital, as proper names do ("xã hội số" names nothing). */
function nameBy(re: RegExp, text: string, capitalised = false): string | null {
  const s = clean(text).replace(/\s+/g, ' ');
  const folded = aboutOnly(s, foldAligned(s));
  const m = re.exec(folded);
  if (!m || m[2] === undefined) return null;
  const start = m.index + m[0].length - m[2].length;
  // A proper name starts with a capital, or with its number ("Phường 2 Bảo Lộc").
  if (capitalised && !isUpper(s.charAt(start)) && !/\d/.test(s.charAt(start))) return null;
  const name = capitalisedRun(s.slice(start, start + m[2].length).trim());
  return name.length >= 2 ? nameCase(name) : null;
}

/** Words of a file name that name no commune, alone ("ubnd", "final") or as a phrase ("phu luc", not "Phú Thịnh"). */
const FILE_WORDS = new Set(['ubnd', 'bc', 'kh', 'pl', 'nq', 'final', 'copy', 'sua']);
const FILE_PHRASES = new Set(['bao cao', 'ke hoach', 'phu luc', 'bieu mau', 'ket qua', 'tong hop', 'chi tieu', 'nhiem vu', 'ban sua']);
/** Words of a date when a number follows ("thang 4", "nam 2026"), of a name otherwise ("Quyết Thắng", "Phú Quý"). */
const DATE_WORDS = new Set(['thang', 'nam', 'quy', 'ngay']);
/** Words naming the level, dropped before the name ("xa_phu_thinh"), kept inside it ("Thanh Phương"). */
const LEVEL_WORDS = new Set(['xa', 'phuong', 'thi', 'tran', 'dac', 'khu']);

/** The words of a file name that may be a commune's name, in order. */
function nameWords(words: readonly string[], joined: boolean): string[] {
  const out: string[] = [];
  const folded = words.map(w => fold(w));
  // The index of the last word kept as a word of the name.
  let lastName = -2;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const f = folded[i] as string;
    const next = folded[i + 1];
    if (next !== undefined && FILE_PHRASES.has(`${f} ${next}`)) { i++; continue; }
    if (FILE_WORDS.has(f) || (next !== undefined && /^\d/.test(next) && DATE_WORDS.has(f))) continue;
    if (out.length === 0 && LEVEL_WORDS.has(f)) continue;
    // In a joined run a number of one or two digits right after a word of the name is part of it ("ha_giang_2"); other
    // numbers are dates, and "phu-thinh-2" may as well be a second copy.
    if (/\d/.test(w)) {
      if (joined && lastName === i - 1 && /^\d{1,2}$/.test(w)) out.push(w);
      continue;
    }
    out.push(w);
    lastName = i;
  }
  return out;
}

/** A commune name guessed from a file name like "bao-cao-t4-2026-phu_thinh.xlsx"; null when nothing is left. */
export function communeFromFileName(fileName: string): string | null {
  const stem = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[a-z0-9]+$/i, '');
  // Words joined by "_" are one name ("phu_thinh"); prefer such a run when present.
  const parts = stem.split(/[-\s.]+/).filter(p => p !== '');
  const joined = parts.filter(p => p.includes('_'));
  const words = (joined.length > 0 ? joined.map(p => p.replace(/_/g, ' ')) : parts).flatMap(p => p.split(' ')).filter(w => w !== '');
  const candidates = nameWords(words, joined.length > 0);
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
