import { textAt } from '../grid/access';
import { blockCell, blockText } from './block';
import { isTableEndRow } from './table-end';
import type { SheetGrid } from '../grid/types';
import { fold, foldWords, wordsInitial } from '../text/fold';
import type { HeaderFound } from './header';
import type { ColumnMap, RecognizedRow, RowKind, TableKind } from './table';
import { yearsOf } from './vocabulary';

const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)[.)]?$/;
const NUMBER_CODE = /^\d{1,4}([.,]\d{1,3}){0,3}[.)]?$/;
const LETTER_CODE = /^[a-zđ][.)]$|^[a-zđ]$/;
const BULLET = /^[-–—+•*]$/;
// A total line says only that ("Tổng cộng", "Cộng:"); "Tổng chi ngân sách …" or "Cộng đồng số …" are indicators.
const TOTAL = /^(tong cong|tong so|tong|cong)( chung| toan xa)?$/;

/** A total line's words start with t or c: a code ("1.2") or most names are told apart without folding them. */
function isTotal(text: string): boolean {
  const initial = wordsInitial(text);
  return (initial === undefined || initial === 't' || initial === 'c') && TOTAL.test(foldWords(text));
}

function payloadColumns(columns: ColumnMap, kind: TableKind): number[] {
  const cols = kind === 'indicators'
    ? [columns.unit, columns.target, columns.actual, columns.evaluation, ...columns.milestones.map(m => m.col)]
    : [columns.actual, columns.evaluation, columns.deadline, columns.lead, columns.executor, columns.partner];
  return cols.filter((c): c is number => c !== undefined);
}

function hasPayload(sheet: SheetGrid, row: number, cols: readonly number[], nameCol: number): boolean {
  const name = textAt(sheet, row, nameCol);
  return cols.some(c => {
    const t = blockText(sheet, row, c);
    // A section title merged across the row repeats nowhere in our grid, but guard against copies of the name.
    return t !== '' && t !== name;
  });
}

function isNumberingRow(sheet: SheetGrid, row: number, header: HeaderFound): boolean {
  const texts: string[] = [];
  for (let c = header.left; c <= header.right; c++) {
    const t = textAt(sheet, row, c);
    if (t !== '') texts.push(t);
  }
  if (texts.length < 3) return false;
  return texts.every(t => /^\(?\d{1,2}\)?$|^\(?[A-Z]\)?$/.test(t));
}

const foldedLabels = new WeakMap<HeaderFound, ReadonlyArray<readonly [number, string]>>();

function isRepeatHeader(sheet: SheetGrid, row: number, header: HeaderFound): boolean {
  let labels = foldedLabels.get(header);
  if (!labels) {
    labels = [...header.labels].map(([col, label]) => [col, foldWords(label)] as const);
    foldedLabels.set(header, labels);
  }
  let same = 0;
  for (const [col, label] of labels) {
    const t = textAt(sheet, row, col);
    if (t === '') continue;
    // Most cells of a body (codes, figures, units) differ from the label in their first character already.
    const initial = wordsInitial(t);
    if (initial !== undefined && initial !== label.charAt(0)) continue;
    if (foldWords(t) === label) same++;
  }
  return same >= 2;
}

/** What a body row is, ignoring its neighbours (groups are decided afterwards). */
export function classifyRow(sheet: SheetGrid, row: number, header: HeaderFound): RowKind {
  const { columns, kind } = header;
  const code = textAt(sheet, row, columns.code);
  const name = textAt(sheet, row, columns.name);
  const payload = hasPayload(sheet, row, payloadColumns(columns, kind), columns.name);
  if (code === '' && name === '' && !payload) return { kind: 'skip', why: 'blank' };
  if (isRepeatHeader(sheet, row, header)) return { kind: 'skip', why: 'repeat-header' };
  if (isNumberingRow(sheet, row, header)) return { kind: 'skip', why: 'numbering' };
  const fc = fold(code);
  if (isTotal(name) || isTotal(code)) return { kind: 'skip', why: 'total' };

  const sectionOf = (): RowKind => ({ kind: 'section', code, title: name, horizon: horizonOf(name) });
  if (ROMAN.test(fc)) return payload && name !== '' && kind === 'indicators' && hasTargetLike(sheet, row, columns) ? { kind: 'item', code, name } : sectionOf();
  if (BULLET.test(fc)) return payload ? { kind: 'item', code, name } : sectionOf();
  if (/^[A-Z][.)]?$/.test(code) && !payload) return sectionOf();
  if (NUMBER_CODE.test(fc) || LETTER_CODE.test(fc) || /^[A-Z][.)]?$/.test(code)) {
    if (name === '' && !payload) return { kind: 'skip', why: 'other' };
    return payload ? { kind: 'item', code, name } : { kind: 'group', code, title: name };
  }
  if (code === '') {
    if (name === '') return { kind: 'skip', why: 'other' };
    return payload ? { kind: 'item', code, name } : sectionOf();
  }
  // Free text in the order column (a note, a signature): not a row of the table.
  return { kind: 'skip', why: 'other' };
}

function hasTargetLike(sheet: SheetGrid, row: number, columns: ColumnMap): boolean {
  const cols = [columns.target, columns.actual, ...columns.milestones.map(m => m.col)].filter((c): c is number => c !== undefined);
  return cols.some(c => blockCell(sheet, row, c) !== undefined && blockText(sheet, row, c) !== '');
}

/** "Đến năm 2030", "Mục tiêu đến hết năm 2035", "Giai đoạn 2026-2030": the year the rows below aim at. */
export function horizonOf(title: string): number | null {
  const f = foldWords(title);
  if (!/\b(den|nam|giai doan|muc tieu|tam nhin)\b/.test(f)) return null;
  const ys = yearsOf(f);
  return ys.length > 0 ? Math.max(...ys) : null;
}

function codeParentOf(child: string, parent: string): boolean {
  const p = parent.replace(/[.)]$/, '');
  const c = child.replace(/[.)]$/, '');
  return c.startsWith(`${p}.`) && c.length > p.length + 1;
}

/** Reads the body of a table: its items with section context, stopping at `end` (exclusive). */
export function readBody(sheet: SheetGrid, header: HeaderFound, end: number, skip: ReadonlySet<number> = new Set()): { rows: RecognizedRow[]; lastRow: number } {
  const kinds: { row: number; k: RowKind }[] = [];
  for (let r = header.bottom + 1; r < end; r++) {
    if (isTableEndRow(sheet, r, header.columns.code, header.columns.name)) break;
    kinds.push({ row: r, k: skip.has(r) ? { kind: 'skip', why: 'repeat-header' } : classifyRow(sheet, r, header) });
  }

  // The code of the next item or group below each row, found in one backward pass (not a scan per row).
  const nextCode: string[] = new Array<string>(kinds.length).fill('');
  for (let i = kinds.length - 2; i >= 0; i--) {
    const below = kinds[i + 1]?.k;
    nextCode[i] = below && (below.kind === 'item' || below.kind === 'group') ? below.code : nextCode[i + 1] ?? '';
  }

  const rows: RecognizedRow[] = [];
  let section: string | null = null;
  let topSection: string | null = null;
  let horizon: number | null = null;
  let lastRow = header.bottom;
  for (let i = 0; i < kinds.length; i++) {
    const entry = kinds[i];
    if (!entry) continue;
    const { row, k } = entry;
    switch (k.kind) {
      case 'skip':
        break;
      case 'section': {
        const label = k.code !== '' && !BULLET.test(k.code) ? `${k.code.replace(/[.)]$/, '')}. ${k.title}` : k.title;
        if (BULLET.test(k.code) || k.code === '') {
          section = topSection ? `${topSection} / ${k.title}` : k.title;
        } else {
          topSection = label;
          section = label;
        }
        if (k.horizon !== null) horizon = k.horizon;
        else if (!BULLET.test(k.code) && k.code !== '') horizon = null;
        lastRow = row;
        break;
      }
      case 'group': {
        // A number and a title above its children (1 above 1.1 …) is a group; alone, it is a task with no details yet.
        const isGroup = codeParentOf(nextCode[i] ?? '', k.code) || header.kind === 'indicators';
        if (isGroup) { lastRow = row; break; }
        rows.push({ row, code: k.code, name: k.title, section, horizon });
        lastRow = row;
        break;
      }
      case 'item':
        rows.push({ row, code: k.code, name: k.name, section, horizon });
        lastRow = row;
        break;
    }
  }
  return { rows, lastRow };
}
