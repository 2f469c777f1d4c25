/**
 * Every text cell of a workbook to NFC Unicode, decoding TCVN3 and VNI where the text is in them.
 *
 * Decisions, cheapest first:
 * 1. A quick scan of each text: no Latin-1 letter or symbol means it cannot be legacy; a Vietnamese letter beyond
 *    Latin-1 (ệ, ư, đ …) and no Latin-1 symbol means it is Unicode. Only the rest is weighed word by word.
 * 2. Cells are grouped by what their font implies (TCVN3 fonts, VNI fonts, other). Each group that has doubtful
 *    cells gets an encoding from its own texts, the font breaking ties.
 * 3. A doubtful cell follows its own words when they are decisive ("Tû lÖ" in a Unicode group is still TCVN3),
 *    else its group.
 * A Unicode workbook with no NFC problem comes back as the very same grid object; otherwise only the sheets and
 * rows that changed are copied. The input is never mutated. Only text values change (formulas, formats and other
 * cells stay); a decoded cell loses its legacy font name, which no longer describes its text, so that normalising
 * twice changes nothing.
 */

import type { Encoding } from '../check/report';
import type { Cell, SheetGrid, WorkbookGrid } from '../grid/types';
import { isExtraLetter } from './alphabet';
import { decideEncoding, decodeText, scoreTexts, type EncodingScores, type LegacyWords } from './encoding';
import { fontEncoding, isCapsFont, type LegacyEncoding } from './fonts';
import { memoText } from './memo';

export interface NormalizedWorkbook {
  readonly grid: WorkbookGrid;
  /** The encoding most of the workbook's Vietnamese text was in; 'ascii' when it has no diacritics at all. */
  readonly encoding: Encoding;
  /** Cells whose text was decoded from TCVN3 or VNI (NFC-only changes are not counted). */
  readonly converted: number;
}

/** What a quick look at a text says. */
type Kind =
  /** ASCII, or other characters that no legacy encoding produces. */
  | 'plain'
  /** Vietnamese letters beyond Latin-1 and no Latin-1 symbol: Unicode. */
  | 'unicode'
  /** Only Latin-1 letters that Vietnamese also uses (á, ô …): "Có" could be Unicode or TCVN3 "Cú". */
  | 'ambiguous'
  /** Latin-1 characters that are no Vietnamese letter (§ · û Ö …): legacy, or a symbol such as "°". */
  | 'suspect';

type Family = LegacyEncoding | 'other';
const FAMILIES: readonly Family[] = ['tcvn3', 'vni', 'other'];

/** Latin-1 letters of Unicode Vietnamese: à á â ã è é ê ì í ò ó ô õ ù ú ý, both cases. */
const VIET_LATIN1 = new Uint8Array(256);
for (const ch of 'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ') VIET_LATIN1[ch.charCodeAt(0)] = 1;

function kindOf(s: string): Kind {
  let latin1 = false;
  let beyond = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xa1) continue;
    if (c <= 0xff) {
      if (VIET_LATIN1[c] === 0) return 'suspect';
      latin1 = true;
    } else if (!beyond && ((c >= 0x300 && c <= 0x36f) || isExtraLetter(s.charAt(i)))) beyond = true;
  }
  if (beyond) return 'unicode';
  return latin1 ? 'ambiguous' : 'plain';
}

/** NFC, without allocating when the text is certainly NFC already (nothing at or above U+0300). */
function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x300) return s.normalize('NFC');
  return s;
}

/** Every text cell, in order. */
function forEachText(grid: WorkbookGrid, visit: (text: string, cell: Cell) => void): void {
  for (const sheet of grid.sheets) {
    for (const row of sheet.rows) {
      if (row === undefined) continue;
      for (const cell of row) if (cell !== undefined && cell.v.t === 's') visit(cell.v.s, cell);
    }
  }
}

/**
 * A copy of the grid with texts replaced, sharing every sheet and row that did not change; the grid itself when
 * nothing changed. `convert` returns the same string to leave a cell alone, or a new cell.
 */
function mapTexts(grid: WorkbookGrid, convert: (text: string, cell: Cell) => Cell | string): WorkbookGrid {
  let sheets: SheetGrid[] | null = null;
  for (let si = 0; si < grid.sheets.length; si++) {
    const sheet = grid.sheets[si] as SheetGrid;
    let rows: Array<ReadonlyArray<Cell | undefined> | undefined> | null = null;
    for (let ri = 0; ri < sheet.rows.length; ri++) {
      const row = sheet.rows[ri];
      if (row === undefined) continue;
      let cells: Array<Cell | undefined> | null = null;
      for (let ci = 0; ci < row.length; ci++) {
        const cell = row[ci];
        if (cell === undefined || cell.v.t !== 's') continue;
        const next = convert(cell.v.s, cell);
        if (next === cell.v.s) continue;
        cells ??= row.slice();
        cells[ci] = typeof next === 'string' ? { ...cell, v: { t: 's', s: next } } : next;
      }
      if (cells === null) continue;
      rows ??= sheet.rows.slice();
      rows[ri] = cells;
    }
    if (rows === null) continue;
    sheets ??= grid.sheets.slice();
    sheets[si] = { ...sheet, rows };
  }
  return sheets === null ? grid : { ...grid, sheets };
}

/** The font family of a cell, memoised per font name (a workbook has few). */
function familyReader(): (cell: Cell) => Family {
  const cache = new Map<string, Family>();
  return (cell) => {
    if (cell.font === undefined) return 'other';
    let family = cache.get(cell.font);
    if (family === undefined) {
      family = fontEncoding(cell.font) ?? 'other';
      cache.set(cell.font, family);
    }
    return family;
  };
}

/** A decoded cell: the new text, and no font any more, since the legacy font no longer describes the text. */
function decodedCell(cell: Cell, text: string): Cell {
  const { font: _font, ...rest } = cell;
  return { ...rest, v: { t: 's', s: text } };
}

/**
 * How many distinct words must read as Vietnamese syllables in a legacy encoding (and as none as they stand) before
 * a group of cells is taken to be in it. Text in other languages yields a few such words by chance ("£m" → "Êm",
 * "thé" → "thộ"), real legacy text dozens; a legacy font on the cells, or Vietnamese elsewhere in the workbook,
 * is evidence too, so fewer words are needed then.
 */
const NEED_WORDS = { legacyFont: 2, vietnameseWorkbook: 3, none: 8 } as const;
/** At most one distinct word in BAD_SHARE may read as no Vietnamese in the legacy encoding. */
const BAD_SHARE = 5;
/**
 * Texts are weighed on their first characters only: Excel keeps at most 32,767 in a cell, and a file holding more
 * must not cost more to classify (a 1 MB text shared by thousands of cells is classified once, on its head).
 */
const SCAN = 32_767;

function head(s: string): string {
  return s.length > SCAN ? s.slice(0, SCAN) : s;
}

function wordsOf(scores: EncodingScores, enc: LegacyEncoding): LegacyWords {
  return enc === 'tcvn3' ? scores.tcvn3Words : scores.vniWords;
}

/** Enough Vietnamese evidence for a whole group of cells to be decoded from `enc`. */
function groupHolds(words: LegacyWords, need: number): boolean {
  return words.good >= need && words.bad * BAD_SHARE <= words.good;
}

/** A cell of a legacy group: decoded when its own words read as Vietnamese far more than not. */
function cellFollows(words: LegacyWords): boolean {
  const fits = words.good + words.neutral;
  return fits > 0 && words.bad * 2 <= fits;
}

/** A cell decoded against its group, on its own words alone: several good ones and no bad one. */
function cellStandsAlone(words: LegacyWords, context: boolean): boolean {
  return context && words.good >= 2 && words.bad === 0;
}

/** Per distinct text: cached so that a text shared by thousands of cells costs one look. */
interface TextInfo {
  readonly kind: Kind;
  readonly asciiLetter: boolean;
  /** The text in NFC (the same string when it already is). */
  readonly normal: string;
}

/**
 * A pure function of the text, so remembered across workbooks (see memoText): a province's files are copies of one
 * template, and each would otherwise scan and NFC-normalise the same few hundred texts again.
 */
const infoOf = memoText((text: string): TextInfo => {
  const h = head(text);
  return { kind: kindOf(h), asciiLetter: /[A-Za-z]/.test(h), normal: nfc(text) };
});

export function normalizeWorkbookText(grid: WorkbookGrid): NormalizedWorkbook {
  const familyOf = familyReader();
  const suspect: Record<Family, number> = { tcvn3: 0, vni: 0, other: 0 };
  const ambiguous: Record<Family, number> = { tcvn3: 0, vni: 0, other: 0 };
  /** Distinct doubtful texts per family, the sample each group is weighed on. */
  const samples: Record<Family, Set<string>> = { tcvn3: new Set(), vni: new Set(), other: new Set() };
  const sampled = new Set<string>();
  let asciiLetters = false;
  let unicodeCells = 0;
  /** Cells that are not plain, and whether any text is not NFC: with no group weighed, all the second pass would do. */
  let nonPlain = 0;
  let notNfc = false;
  forEachText(grid, (text, cell) => {
    const info = infoOf(text);
    if (info.asciiLetter) asciiLetters = true;
    if (info.normal !== text) notNfc = true;
    if (info.kind === 'plain') return;
    nonPlain++;
    if (info.kind === 'unicode') { unicodeCells++; return; }
    const family = familyOf(cell);
    if (info.kind === 'suspect') suspect[family]++;
    else ambiguous[family]++;
    if (samples[family].size < GROUP_SAMPLE && !sampled.has(text)) {
      sampled.add(text);
      samples[family].add(head(text));
    }
  });
  /** Vietnamese letters beyond Latin-1 elsewhere: the workbook is Vietnamese, so a few legacy words suffice. */
  const vietnameseWorkbook = unicodeCells >= 3;

  // A group is weighed when it has suspect cells, or ambiguous ones under a legacy font; else it is Unicode.
  const groupEncoding: Record<Family, Encoding> = { tcvn3: 'unicode', vni: 'unicode', other: 'unicode' };
  let weighed = false;
  for (const family of FAMILIES) {
    const prior = family === 'other' ? null : family;
    if (suspect[family] === 0 && (prior === null || ambiguous[family] === 0)) continue;
    weighed = true;
    const scores = scoreTexts([...samples[family]]);
    const enc = decideEncoding(scores, prior, prior ?? 'unicode');
    if (enc !== 'tcvn3' && enc !== 'vni') continue;
    const need = prior === enc ? NEED_WORDS.legacyFont : vietnameseWorkbook ? NEED_WORDS.vietnameseWorkbook : NEED_WORDS.none;
    if (groupHolds(wordsOf(scores, enc), need)) groupEncoding[family] = enc;
  }
  const anyLegacy = FAMILIES.some(f => groupEncoding[f] !== 'unicode');

  // Cells of Vietnamese text per encoding, for the workbook's verdict.
  const tally: Record<Encoding, number> = { unicode: 0, tcvn3: 0, vni: 0, ascii: 0 };
  // The common case, a Unicode workbook in NFC: every cell stays as it is, and each one not plain counts as Unicode.
  if (!weighed && !notNfc) {
    tally.unicode = nonPlain;
    return { grid, encoding: verdict(tally, asciiLetters), converted: 0 };
  }
  let converted = 0;
  /**
   * Per cell family (and capitals font), per distinct text: the text to write and how it counts. Keyed by the text
   * itself, never by a string built from it: a shared 1 MB text is then hashed once, not once per cell.
   */
  type Decision = { readonly text: string; readonly count: Encoding | null; readonly decoded: boolean };
  const decisions = new Map<string, Map<string, Decision>>();
  const decide = (text: string, cell: Cell, kind: Kind): Decision => {
    const family = familyOf(cell);
    const caps = isCapsFont(cell.font);
    const bucketKey = caps ? `${family}H` : family;
    let bucket = decisions.get(bucketKey);
    if (bucket === undefined) decisions.set(bucketKey, bucket = new Map());
    const cached = bucket.get(text);
    if (cached !== undefined) return cached;
    const group = groupEncoding[family];
    let result: Decision;
    if (kind === 'ambiguous' && group === 'unicode') result = { text: infoOf(text).normal, count: 'unicode', decoded: false };
    else {
      const scores = scoreTexts([head(text)]);
      const enc = decideEncoding(scores, group, group);
      const legacy = enc === 'tcvn3' || enc === 'vni' ? enc : null;
      const decodes = legacy !== null && (legacy === group
        ? cellFollows(wordsOf(scores, legacy))
        : cellStandsAlone(wordsOf(scores, legacy), vietnameseWorkbook || anyLegacy || family === legacy));
      if (legacy === null || !decodes) {
        // A suspect cell that reads as no Vietnamese at all ("25°C") says nothing about the workbook.
        result = { text: infoOf(text).normal, count: kind === 'ambiguous' || scores.vietnamese ? 'unicode' : null, decoded: false };
      } else {
        const decoded = decodeText(text, legacy, { caps: caps ? 'upper' : 'auto' });
        result = decoded === text
          ? { text, count: scores.evidence > 0 ? legacy : null, decoded: false }
          : { text: decoded, count: legacy, decoded: true };
      }
    }
    bucket.set(text, result);
    return result;
  };
  const out = mapTexts(grid, (text, cell) => {
    const info = infoOf(text);
    const kind = info.kind;
    if (kind === 'plain') return info.normal;
    if (kind === 'unicode' || !weighed) {
      tally.unicode++;
      return info.normal;
    }
    const d = decide(text, cell, kind);
    if (d.count !== null) tally[d.count]++;
    if (!d.decoded) return d.text;
    converted++;
    return decodedCell(cell, d.text);
  });

  return { grid: out, encoding: verdict(tally, asciiLetters), converted };
}

/** Enough texts to weigh a group (the scorer also stops after enough words). */
const GROUP_SAMPLE = 5000;

function verdict(tally: Record<Encoding, number>, asciiLetters: boolean): Encoding {
  if (tally.tcvn3 > tally.unicode && tally.tcvn3 >= tally.vni) return 'tcvn3';
  if (tally.vni > tally.unicode && tally.vni > tally.tcvn3) return 'vni';
  if (tally.unicode > 0) return 'unicode';
  return asciiLetters ? 'ascii' : 'unicode';
}
