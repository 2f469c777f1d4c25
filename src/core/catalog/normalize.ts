/**
 * Turns an indicator name as a commune wrote it into comparable tokens: folded (no diacritics, lower case),
 * spelling variants unified (tỷ/tỉ, truy nhập/truy cập, căn bản/cơ bản, Gb/s/Gbps), abbreviations expanded
 * (TTHC, DVCTT, CBCC, KHCN, ĐMST, CĐS …) and filler words dropped ("tỷ lệ", "của", "trên địa bàn", "xã" …).
 */
import { fold } from '../text/fold';

/** Abbreviations officials use, folded, with their folded expansion. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  tthc: 'thu tuc hanh chinh',
  dvctt: 'dich vu cong truc tuyen',
  dvc: 'dich vu cong',
  cbcc: 'can bo cong chuc',
  cbccvc: 'can bo cong chuc vien chuc',
  cbcnvc: 'can bo cong chuc vien chuc',
  ccvc: 'cong chuc vien chuc',
  khcn: 'khoa hoc cong nghe',
  khkt: 'khoa hoc ky thuat',
  dmst: 'doi moi sang tao',
  cds: 'chuyen doi so',
  hcc: 'hanh chinh cong',
  pvhcc: 'phuc vu hanh chinh cong',
  ttpvhcc: 'trung tam phuc vu hanh chinh cong',
  cns: 'cong nghe so',
  cnscd: 'cong nghe so cong dong',
  nsnn: 'ngan sach nha nuoc',
  cntt: 'cong nghe thong tin',
  dn: 'doanh nghiep',
  dnnvv: 'doanh nghiep nho va vua',
  htx: 'hop tac xa',
  csdl: 'co so du lieu',
  gddt: 'giao duc dao tao',
  gdpt: 'giao duc pho thong',
  gdtx: 'giao duc thuong xuyen',
  thcs: 'trung hoc co so',
  thpt: 'trung hoc pho thong',
  tmdt: 'thuong mai dien tu',
  hssk: 'ho so suc khoe',
  cks: 'chu ky so',
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  vb: 'van ban',
  cb: 'can bo',
  qldh: 'quan ly dieu hanh',
};

/** Multi-word variants, folded, applied on word boundaries before tokenising. */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bti le\b/g, 'ty le'],
  [/\btruy nhap\b/g, 'truy cap'],
  [/\bbang thong rong\b/g, 'bang rong'],
  [/\bcan ban\b/g, 'co ban'],
  [/\bgd dt\b/g, 'giao duc dao tao'],
  [/\bkh cn\b/g, 'khoa hoc cong nghe'],
  [/\bkh dt\b/g, 'khoa hoc dau tu'],
  [/\bto dan pho\b/g, 'xom'],
  [/\bthon\b/g, 'xom'],
  [/\bbig data\b/g, 'bigdata'],
  [/\bvua va nho\b/g, 'nho va vua'],
  [/\bhang nam\b/g, ' '],
];

/** Filler phrases that say nothing about which indicator a row is. */
const FILLER_PHRASES = /\b(ty le|tren dia ban|dia ban|phan dau|duy tri|khuyen khich|bao dam|dam bao|so luong|thi tran)\b/g;

const STOPWORDS = new Set([
  'cua', 'duoc', 'cac', 'nhung', 'va', 'voi', 'trong', 'cho', 'tai', 'theo', 'den', 'la', 'xa', 'phuong',
  'dat', 'hoac', 've', 'o', 'khi', 'de', 'phai', 'nam', 'nay', 'mot',
  // "tỷ lệ" split by a reordering; "tỷ đồng" is caught as money before tokens are filtered.
  'ty', 'ti', 'le',
]);

/** Generation tokens (4G, 5G, 6G): two different ones never name the same indicator. */
export const GENERATION = /^\d+g$/;

function normalizeSpeeds(s: string): string {
  // "1Gb/s", "01 Gbps", "01 Gbps/s", "IGb/s" (an OCR'd 1) all become "1gbps".
  return s.replace(/(?:\b|(?<=\s))(\d+|[il])\s*(?:gb|gbit)\s*(?:ps)?(?:\s*\/\s*s)?\b/g, (_m, n: string) => {
    const num = /^\d+$/.test(n) ? String(Number(n)) : '1';
    return ` ${num}gbps `;
  }).replace(/\b(\d)\s+g\b/g, '$1g').replace(/([a-z])(\d+g)\b/g, '$1 $2');
}

/** Folded, variant-unified text with punctuation as spaces (no stopwords removed). */
export function canonicalText(text: string): string {
  let s = fold(text);
  s = normalizeSpeeds(s);
  s = s.replace(/\bgd\s*&\s*dt\b/g, 'giao duc dao tao').replace(/\bkh\s*&\s*cn\b/g, 'khoa hoc cong nghe');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/ +/g, ' ').trim();
  for (const [re, to] of PHRASES) s = s.replace(re, to);
  const words = s.split(' ').flatMap(w => ABBREVIATIONS[w]?.split(' ') ?? [w]);
  return words.join(' ').replace(/ +/g, ' ').trim();
}

/** Content tokens of a name, in order: filler and pure numbers removed. */
export function nameTokens(text: string): string[] {
  const s = canonicalText(text).replace(FILLER_PHRASES, ' ');
  return s.split(' ').filter(w => w !== '' && !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

/** Unit classes used as evidence: a money amount is never a percentage indicator. */
export type UnitClass = 'percent' | 'money' | 'count' | 'report' | 'other';

// Folding merges "đồng"/"động" and "số tiền"/"số tiên (tiến)", so accented text is read with its accents; only
// unambiguous phrases are trusted in text typed without them.
const MONEY_ACCENTED = /(^|[^\p{L}])(kinh phí|số tiền|triệu đồng|tỷ đồng|tỉ đồng|nghìn đồng|ngàn đồng|vnđ|vnd|dự toán|giải ngân)($|[^\p{L}])/u;
const MONEY_FOLDED = /\b(kinh phi|trieu dong|ty dong|nghin dong|ngan dong|vnd|du toan|giai ngan)\b/;
const MONEY_UNIT = /^\W*(dong|trieu|ty|nghin|ngan)\b/;

function hasAccents(s: string): boolean {
  return /[\u00c0-\u1ef9]/.test(s);
}

function mentionsMoney(text: string): boolean {
  const nfc = text.normalize('NFC').toLowerCase();
  return hasAccents(nfc) ? MONEY_ACCENTED.test(nfc) : MONEY_FOLDED.test(fold(nfc));
}

export function unitClass(unit: string | null | undefined): UnitClass | null {
  if (unit == null || unit.trim() === '') return null;
  const f = fold(unit);
  if (f.includes('%') || /\bty le\b|\bphan tram\b/.test(f)) return 'percent';
  if (mentionsMoney(unit) || MONEY_UNIT.test(f)) return 'money';
  if (/\bbao cao\b/.test(f)) return 'report';
  if (/\b(so|cai|nguoi|ho so|doanh nghiep|xa|truong|co so|chiec|may|diem|tai khoan|lop|luot)\b/.test(f)) return 'count';
  return 'other';
}

/** A name that reads as an amount of money ("Kinh phí chuyển đổi số", "Số tiền (triệu đồng)"). */
export function namesMoney(name: string): boolean {
  return mentionsMoney(name);
}

/** Informative tokens of a unit ("% tổng chi ngân sách" → tong, chi, ngan, sach). */
export function unitTokens(unit: string | null | undefined): string[] {
  if (unit == null) return [];
  return nameTokens(unit);
}
