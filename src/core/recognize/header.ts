import { cellAt, mergeCovering, textAt } from '../grid/access';
import type { SheetGrid } from '../grid/types';
import { foldWords } from '../text/fold';
import type { ColumnMap, TableKind } from './table';
import { groupedMeaning, isOrderHeader, type HeaderMeaning } from './vocabulary';

/** A header found on a sheet, before its body is read. */
export interface HeaderFound {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly kind: TableKind;
  readonly columns: ColumnMap;
  readonly labels: ReadonlyMap<number, string>;
  /** Folded labels joined: two headers with the same signature are a repeat (a page break pasted from Word). */
  readonly signature: string;
}

function orderColumnIn(sheet: SheetGrid, row: number): number | null {
  const cells = sheet.rows[row - 1];
  if (!cells) return null;
  for (let c = 1; c <= cells.length; c++) {
    const cell = cells[c - 1];
    if (cell && cell.v.t === 's' && cell.v.s.length <= 20 && isOrderHeader(cell.v.s)) return c;
  }
  return null;
}

/** How many rows a header starting at `row` spans (1–3): its order cell merged down, or group labels merged across sub-labels. */
function headerDepth(sheet: SheetGrid, row: number, orderCol: number, right: number): 1 | 2 | 3 {
  const m = mergeCovering(sheet, row, orderCol);
  if (m && m.top === row && m.bottom > row) return m.bottom - row >= 2 ? 3 : 2;
  let depth: 1 | 2 | 3 = 1;
  for (let r = row; r < row + 2 && r === row + depth - 1; r++) {
    const spansAcross = sheet.merges.some(a => a.top === r && a.bottom === r && a.left > orderCol && a.left <= right && a.right > a.left);
    if (!spansAcross) break;
    const below = sheet.rows[r] ?? [];
    // The row below holds sub-labels (text or years typed as numbers), never an item: its order cell is empty.
    const labelled = below.some((c, i) => i + 1 > orderCol && c !== undefined && (c.v.t === 's' ? c.v.s.trim() !== '' : c.v.t === 'n' && isYearNumber(c.v.n)));
    if (!labelled || textAt(sheet, r + 1, orderCol) !== '') break;
    depth = (depth + 1) as 2 | 3;
  }
  return depth;
}

const isYearNumber = (n: number) => Number.isInteger(n) && n >= 2000 && n <= 2100;

interface Labelled { readonly col: number; readonly label: string; readonly meaning: HeaderMeaning }

/**
 * The label parts of a column, top row first: each header row's own text, or the text of a merge that starts on that
 * row (a group label spanning several columns). A cell merged down counts once.
 */
function labelParts(sheet: SheetGrid, top: number, depth: number, col: number): string[] {
  const parts: string[] = [];
  for (let r = top; r < top + depth; r++) {
    if (cellAt(sheet, r, col)) {
      const t = textAt(sheet, r, col);
      if (t !== '') parts.push(t);
      continue;
    }
    const m = mergeCovering(sheet, r, col);
    if (m && m.top === r) {
      const t = textAt(sheet, m.top, m.left);
      if (t !== '') parts.push(t);
    }
  }
  return parts;
}

function labelColumns(sheet: SheetGrid, top: number, depth: number, left: number): Labelled[] {
  const out: Labelled[] = [];
  const right = Math.max(sheet.colCount, left);
  for (let c = left; c <= right; c++) {
    const parts = labelParts(sheet, top, depth, c);
    const label = parts.join(' ').replace(/\s+/g, ' ').trim();
    if (label === '') continue;
    out.push({ col: c, label, meaning: groupedMeaning(parts) });
  }
  return out;
}

function buildColumns(orderCol: number, cols: readonly Labelled[]): { columns: ColumnMap; kind: TableKind } | null {
  const nameCol = cols.find(c => c.col > orderCol && c.meaning.kind === 'name');
  if (!nameCol || nameCol.meaning.kind !== 'name') return null;
  const first = <K extends HeaderMeaning['kind']>(kind: K) =>
    cols.find(c => c.col !== nameCol.col && c.meaning.kind === kind) as (Labelled & { meaning: Extract<HeaderMeaning, { kind: K }> }) | undefined;

  const unit = first('unit');
  // "Chỉ tiêu" written twice (name, then the figure set for it) makes the second one the target.
  const all = <K extends 'target' | 'actual'>(kind: K) =>
    cols.filter(c => c.col !== nameCol.col && c.meaning.kind === kind) as (Labelled & { meaning: Extract<HeaderMeaning, { kind: K }> })[];
  // "Kết quả năm 2025 | … | Kết quả thực hiện năm 2026": the latest year is the period, earlier ones are baselines.
  const actuals = all('actual');
  const latest = Math.max(...actuals.map(c => c.meaning.year ?? -1));
  const actual = actuals.find(c => latest > 0 && c.meaning.year === latest) ?? actuals[0];
  // Several target columns: the one for the result's year ("Kế hoạch năm 2026" beside "Mục tiêu đến năm 2030").
  const targets = all('target');
  const target = (actual?.meaning.year != null ? targets.find(c => c.meaning.year === actual.meaning.year) : undefined)
    ?? targets[0] ?? secondName(cols, nameCol.col);
  const bare = first('bare_result');
  const evaluation = first('evaluation');
  const deadline = dueColumn(cols.filter(c => c.col !== nameCol.col && c.meaning.kind === 'deadline'));
  const milestones = cols.flatMap(c => (c.meaning.kind === 'milestone' ? [{ year: c.meaning.year, col: c.col }] : []));
  const lead = first('lead');
  const executor = first('executor');
  const partner = first('partner');
  const note = first('note');

  const hint = nameCol.meaning.tableHint;
  // A meeting schedule (STT · Thời gian · Nội dung · Chủ trì · Thành phần) has a lead and a date but is no task table.
  const schedule = first('participants') !== undefined && !unit && !target && !actual && !bare && !evaluation && milestones.length === 0;
  if (schedule) return null;
  const indicatorEvidence = unit !== undefined || target !== undefined || milestones.length > 0;
  let kind: TableKind;
  if (hint === 'indicators') kind = 'indicators';
  else if (hint === 'tasks') kind = 'tasks';
  else if (indicatorEvidence) kind = 'indicators';
  else if (deadline || lead || executor) kind = 'tasks';
  else return null;

  // A bare "Kết quả" is the expected result in a plan (no other target), the achieved one otherwise.
  const hasOtherTarget = target !== undefined || milestones.length > 0;
  const actualCol = actual?.col ?? (bare && (hasOtherTarget || kind === 'tasks') ? bare.col : undefined);
  const targetCol = target?.col ?? (bare && !hasOtherTarget && kind === 'indicators' ? bare.col : undefined);

  // A unit alone does not make "Nội dung | Đơn vị | Số lượng" (an equipment or budget list) an indicator table.
  const evidence = kind === 'indicators'
    ? [hint === 'indicators' ? unit : undefined, targetCol, actualCol, evaluation, milestones[0]]
    : [deadline, actualCol, evaluation, lead, executor];
  if (!evidence.some(e => e !== undefined)) return null;

  const columns: ColumnMap = {
    code: orderCol,
    name: nameCol.col,
    milestones,
    ...(unit ? { unit: unit.col } : {}),
    ...(targetCol !== undefined ? { target: targetCol } : {}),
    ...(target?.meaning.year != null ? { targetYear: target.meaning.year } : {}),
    ...(actualCol !== undefined ? { actual: actualCol } : {}),
    ...(actual?.meaning.year != null ? { actualYear: actual.meaning.year } : {}),
    ...(evaluation ? { evaluation: evaluation.col } : {}),
    ...(evaluation?.meaning.year != null ? { evaluationYear: evaluation.meaning.year } : {}),
    ...(lead ? { lead: lead.col } : {}),
    ...(executor ? { executor: executor.col } : {}),
    ...(partner ? { partner: partner.col } : {}),
    ...(deadline ? { deadline: deadline.col } : {}),
    ...(note ? { note: note.col } : {}),
  };
  return { columns, kind };
}

/** "Thời gian thực hiện" over "Bắt đầu | Kết thúc": a task is due when it should end, not when it starts. */
function dueColumn(deadlines: readonly Labelled[]): Labelled | undefined {
  const f = (c: Labelled) => foldWords(c.label);
  return deadlines.find(c => /\b(ket thuc|hoan thanh|han)\b/.test(f(c)) && !/\bbat dau\b/.test(f(c)))
    ?? deadlines.find(c => !/\b(bat dau|khoi cong)\b/.test(f(c))) ?? deadlines[0];
}

function secondName(cols: readonly Labelled[], nameCol: number): (Labelled & { meaning: { kind: 'target'; year: number | null } }) | undefined {
  const c = cols.find(x => x.col > nameCol && x.meaning.kind === 'name' && x.meaning.tableHint === 'indicators');
  return c ? { ...c, meaning: { kind: 'target', year: null } } : undefined;
}

/** Every table header on the sheet, top to bottom. */
export function findHeaders(sheet: SheetGrid): HeaderFound[] {
  const found: HeaderFound[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const orderCol = orderColumnIn(sheet, r);
    if (orderCol === null) continue;
    const depth = headerDepth(sheet, r, orderCol, sheet.colCount);
    const cols = labelColumns(sheet, r, depth, orderCol);
    const built = buildColumns(orderCol, cols);
    if (!built) continue;
    const right = Math.max(...cols.map(c => c.col));
    found.push({
      top: r,
      bottom: r + depth - 1,
      left: orderCol,
      right,
      kind: built.kind,
      columns: built.columns,
      labels: new Map(cols.map(c => [c.col, c.label])),
      signature: cols.map(c => foldWords(c.label)).join('|'),
    });
    r += depth - 1;
  }
  return found;
}
