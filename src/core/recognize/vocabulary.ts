import { foldWords, wordsInitial } from '../text/fold';
import { memoText } from '../text/memo';

/**
 * What a column header says about the column, read from folded text (no diacritics, lower case).
 * Order matters: "Thời gian thực hiện" is a deadline, "Kết quả thực hiện" a result, "Đơn vị thực hiện" an executor.
 */
export type HeaderMeaning =
  | { readonly kind: 'code' }
  | { readonly kind: 'name'; readonly tableHint: 'indicators' | 'tasks' | 'either' }
  | { readonly kind: 'unit' }
  | { readonly kind: 'lead' }
  | { readonly kind: 'partner' }
  | { readonly kind: 'executor' }
  | { readonly kind: 'deadline' }
  | { readonly kind: 'evaluation'; readonly year: number | null }
  | { readonly kind: 'actual'; readonly year: number | null }
  /** A bare "Kết quả": the target in a plan, the result in a report. */
  | { readonly kind: 'bare_result' }
  | { readonly kind: 'target'; readonly year: number | null }
  | { readonly kind: 'milestone'; readonly year: number }
  | { readonly kind: 'note' }
  /** "Thành phần (tham dự)", "Địa điểm": who attends and where, the columns of a meeting schedule. */
  | { readonly kind: 'participants' }
  | { readonly kind: 'unknown' };

const YEAR = /\b(20\d\d)\b/g;

export function yearsOf(folded: string): number[] {
  return [...folded.matchAll(YEAR)].map(m => Number(m[1]));
}

function lastYear(folded: string): number | null {
  const ys = yearsOf(folded);
  return ys.length > 0 ? (ys[ys.length - 1] ?? null) : null;
}

const has = (s: string, re: RegExp) => re.test(s);

export function isOrderHeader(label: string): boolean {
  // Every order header folds to a word starting with s or t: the codes of a body ("1", "1.2", "I", "a)") are told
  // apart on their first character.
  const initial = wordsInitial(label);
  if (initial !== undefined && initial !== 's' && initial !== 't') return false;
  const s = foldWords(label);
  return /^(s ?tt|tt|so tt|so thu tu|thu tu|stt\/tt)$/.test(s);
}

/**
 * Reads one column header (both header rows joined, parent first). Remembered per label: a province's files repeat
 * the same few dozen headers, each read through a score of patterns.
 */
export const headerMeaning = memoText(headerMeaningOf);

function headerMeaningOf(label: string): HeaderMeaning {
  const s = foldWords(label);
  if (s === '') return { kind: 'unknown' };
  if (isOrderHeader(label)) return { kind: 'code' };
  if (has(s, /\b(ghi chu|luu y)\b/)) return { kind: 'note' };
  if (has(s, /^(thanh phan|dia diem|thanh phan tham du|thanh phan tham gia|nguoi tham du)\b/)) return { kind: 'participants' };
  if (has(s, /\b(thoi gian|thoi han|tien do|moc hoan thanh|han hoan thanh)\b/) && !has(s, /\bmoc thoi gian\b/)) return { kind: 'deadline' };
  if (has(s, /\bdanh gia\b/) && !has(s, /\b(co quan|don vi)\b/)) return { kind: 'evaluation', year: lastYear(s) };
  if (has(s, /\bchu tri\b/)) return { kind: 'lead' };
  if (has(s, /\bphoi hop\b/)) return { kind: 'partner' };
  if (has(s, /\b(don vi|co quan|ca nhan|nguoi|bo phan)\b.*\bthuc hien\b|\bthuc hien\b.*\b(don vi|co quan|ca nhan)\b/)) return { kind: 'executor' };
  if (has(s, /^(don vi tinh|dvt|don vi|don vi do)$/) || has(s, /^don vi tinh\b/)) return { kind: 'unit' };
  // Abbreviations under a period group ("Năm 2026" over "KH | TH").
  if (s === 'kh') return { kind: 'target', year: null };
  if (s === 'th') return { kind: 'actual', year: null };
  const nameHint = nameHeaderHint(s);
  if (nameHint) return { kind: 'name', tableHint: nameHint };
  if (has(s, /\b(ket qua|thuc hien|uoc thuc hien|uoc th|luy ke|so lieu|dat duoc|tinh trang|muc do hoan thanh)\b/)) {
    if (s === 'ket qua') return { kind: 'bare_result' };
    // "Kết quả" with a year or a month is a report column; "Kết quả thực hiện" too.
    return { kind: 'actual', year: lastYear(s) };
  }
  if (has(s, /\b(muc tieu|ke hoach|chi tieu giao|chi tieu nam|chi tieu ke hoach|muc phan dau|chi tieu)\b/)) return { kind: 'target', year: lastYear(s) };
  const y = lastYear(s);
  if (y !== null && has(s, /^(nam |muc nam |moc |moc nam |den nam |giai doan )?20\d\d\b/)) return { kind: 'milestone', year: y };
  return { kind: 'unknown' };
}

/** Whether a folded header names the table's items, and what it suggests the table holds. */
function nameHeaderHint(s: string): 'indicators' | 'tasks' | 'either' | null {
  if (/\b(ten chi tieu|noi dung chi tieu|chi tieu)\b/.test(s) && !/\b(nam 20\d\d|giao|ke hoach)\b/.test(s)) {
    // "Chỉ tiêu / Mốc thời gian" names indicators; "Chỉ tiêu năm 2026" is a target column.
    return 'indicators';
  }
  if (/\b(nhiem vu|cong viec|hoat dong|giai phap)\b/.test(s)) return 'tasks';
  if (/^(noi dung|ten|danh muc|noi dung thuc hien)$/.test(s)) return 'either';
  return null;
}

/** A group label over year columns: a roadmap ("Lộ trình thực hiện", "Mục tiêu theo năm") or results ("Kết quả thực hiện"). */
function groupKind(folded: string): 'roadmap' | 'result' | 'other' {
  if (/\b(lo trinh|moc|muc tieu|ke hoach|chi tieu|giai doan|theo (tung )?nam|dinh huong|phan dau)\b/.test(folded)) return 'roadmap';
  if (/\b(ket qua|uoc thuc hien|uoc th|luy ke|so lieu|dat duoc)\b/.test(folded) || /^thuc hien\b/.test(folded)) return 'result';
  return 'other';
}

/** Roles an unrecognised sub-label may take from its group ("Đơn vị" over "Chủ trì | Phối hợp" is read per column anyway). */
const INHERITED: ReadonlySet<HeaderMeaning['kind']> = new Set(['unit', 'lead', 'partner', 'executor', 'deadline', 'note', 'name', 'code']);

/**
 * The meaning of a column whose header has parts on several rows, top first. The bottom part is the column's own
 * label and decides its role; the groups above only add a year ("Năm 2026" over "Kế hoạch | Thực hiện") or say what
 * years below are: milestones under a roadmap label even when it says "thực hiện" ("Lộ trình thực hiện"), results
 * under a results label.
 */
export function groupedMeaning(parts: readonly string[]): HeaderMeaning {
  const own = parts[parts.length - 1] ?? '';
  const meaning = headerMeaning(own);
  if (parts.length <= 1) return meaning;
  const groups = parts.slice(0, -1).map(foldWords);
  const groupYear = groups.map(lastYear).filter((y): y is number => y !== null).pop() ?? null;
  const kinds = groups.map(groupKind);
  const kind = kinds.includes('roadmap') ? 'roadmap' : kinds.includes('result') ? 'result' : 'other';
  switch (meaning.kind) {
    case 'milestone':
      return kind === 'result' ? { kind: 'actual', year: meaning.year } : meaning;
    case 'target':
    case 'actual':
    case 'evaluation':
      return meaning.year === null && groupYear !== null ? { ...meaning, year: groupYear } : meaning;
    case 'bare_result':
      return groupYear !== null ? { kind: 'actual', year: groupYear } : meaning;
    case 'unknown': {
      const joined = headerMeaning(parts.join(' '));
      return INHERITED.has(joined.kind) ? joined : meaning;
    }
    case 'code': case 'name': case 'unit': case 'lead': case 'partner': case 'executor': case 'deadline': case 'note':
    case 'participants':
      return meaning;
  }
}
