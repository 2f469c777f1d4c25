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
import { decideEncoding, decodeText, scoreTexts } from './encoding';
import { fontEncoding, isCapsFont, type LegacyEncoding } from './fonts';

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

export function normalizeWorkbookText(grid: WorkbookGrid): NormalizedWorkbook {
  const familyOf = familyReader();
  const suspect: Record<Family, number> = { tcvn3: 0, vni: 0, other: 0 };
  const ambiguous: Record<Family, number> = { tcvn3: 0, vni: 0, other: 0 };
  let asciiLetters = false;
  forEachText(grid, (text, cell) => {
    const kind = kindOf(text);
    if (kind === 'suspect') suspect[familyOf(cell)]++;
    else if (kind === 'ambiguous') ambiguous[familyOf(cell)]++;
    if (!asciiLetters && /[A-Za-z]/.test(text)) asciiLetters = true;
  });

  // A group is weighed when it has suspect cells, or ambiguous ones under a legacy font; else it is Unicode.
  const groupEncoding: Record<Family, Encoding> = { tcvn3: 'unicode', vni: 'unicode', other: 'unicode' };
  let weighed = false;
  for (const family of FAMILIES) {
    const prior = family === 'other' ? null : family;
    if (suspect[family] === 0 && (prior === null || ambiguous[family] === 0)) continue;
    weighed = true;
    const texts: string[] = [];
    forEachText(grid, (text, cell) => {
      if (texts.length < GROUP_SAMPLE && familyOf(cell) === family && kindOf(text) !== 'plain') texts.push(text);
    });
    groupEncoding[family] = decideEncoding(scoreTexts(texts), prior, prior ?? 'unicode');
  }

  // Cells of Vietnamese text per encoding, for the workbook's verdict.
  const tally: Record<Encoding, number> = { unicode: 0, tcvn3: 0, vni: 0, ascii: 0 };
  let converted = 0;
  const out = mapTexts(grid, (text, cell) => {
    const kind = kindOf(text);
    if (kind === 'plain') return nfc(text);
    if (kind === 'unicode' || !weighed) {
      tally.unicode++;
      return nfc(text);
    }
    const group = groupEncoding[familyOf(cell)];
    if (kind === 'ambiguous' && group === 'unicode') {
      tally.unicode++;
      return nfc(text);
    }
    const scores = scoreTexts([text]);
    const enc = decideEncoding(scores, group, group);
    if (enc !== 'tcvn3' && enc !== 'vni') {
      // A suspect cell that reads as no Vietnamese at all ("25°C") says nothing about the workbook.
      if (kind === 'ambiguous' || scores.vietnamese) tally.unicode++;
      return nfc(text);
    }
    const decoded = decodeText(text, enc, { caps: isCapsFont(cell.font) ? 'upper' : 'auto' });
    if (decoded === text) {
      if (scores.evidence > 0) tally[enc]++;
      return text;
    }
    tally[enc]++;
    converted++;
    return decodedCell(cell, decoded);
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
