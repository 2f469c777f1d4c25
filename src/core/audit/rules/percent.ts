/**
 * Rates out of range: a share (part / whole) above 100% means the part exceeds the whole; below 0 it is negative.
 * Evidence, one of: a ratio formula (=E5/F5*100, =E5/F5 shown as %, =ROUND(E5/F5*100;2)) or a number shown with a
 * percent format. Rows that speak of growth or comparison ("tăng", "so với", "tốc độ", "chỉ số") may exceed 100%
 * legitimately and are left alone.
 */
import { isPercentFormat } from '../../grammar/format';
import { cellAt } from '../../grid/access';
import { cellAddress, parseCellAddress } from '../../grid/address';
import { clean } from '../../text/fold';
import { memoText } from '../../text/memo';
import type { AuditContext } from '../context';
import { finding, type Finding } from '../finding';
import { refA1 } from '../r1c1';
import { tokenize, type Ref, type Token } from '../tokens';
import { formatNumber, type CellInfo, type SheetView } from '../view';
import { targetSheet } from '../workbook';

export interface Ratio { readonly num: Ref; readonly den: Ref; readonly scale: 1 | 100 }

/** A share formula: ref/ref, ref/ref*100, (ref/ref)*100, ref*100/ref, 100*ref/ref, optionally inside ROUND(…, n). */
export function ratioOf(formula: string): Ratio | null {
  return plainRatio(formula);
}

/**
 * A ratio hidden in a larger formula (=IF(F5=0;"";E5/F5*100), =IFERROR(E5/F5;0)): a division of two cells whose
 * value, as is or times 100, is exactly what the cell shows.
 */
export function shownRatio(formula: string, shown: number, valueOf: (ref: Ref) => number | null): Ratio | null {
  const t = tokenize(formula.replace(/^=/, '')).filter(x => x.k !== 'space');
  for (let i = 1; i + 1 < t.length; i++) {
    const a = t[i - 1];
    const b = t[i + 1];
    if (t[i]?.k !== 'op' || t[i]?.text !== '/' || a?.k !== 'ref' || b?.k !== 'ref' || a.ref.kind !== 'cell' || b.ref.kind !== 'cell') continue;
    const n = valueOf(a.ref);
    const d = valueOf(b.ref);
    if (n === null || d === null || d === 0) continue;
    const q = n / d;
    const near = (x: number): boolean => Math.abs(x - shown) <= Math.max(1e-9, Math.abs(shown) * 1e-6);
    if (near(q * 100)) return { num: a.ref, den: b.ref, scale: 100 };
    if (near(q)) return { num: a.ref, den: b.ref, scale: 1 };
  }
  return null;
}

function plainRatio(formula: string): Ratio | null {
  let t: Token[] = tokenize(formula.replace(/^=/, '')).filter(x => x.k !== 'space');
  const round = t[0];
  if (round?.k === 'func' && /^ROUND(UP|DOWN)?$/.test(round.name) && t[1]?.k === 'open' && t[t.length - 1]?.k === 'close') {
    const sep = t.findIndex(x => x.k === 'sep');
    const digits = t[sep + 1];
    if (sep < 0 || digits?.k !== 'num' || sep + 3 !== t.length) return null;
    t = t.slice(2, sep);
  }
  const shape = t.map(x => {
    if (x.k === 'ref' && x.ref.kind === 'cell') return 'R';
    if (x.k === 'num' && x.value === 100) return 'H';
    if (x.k === 'op' || x.k === 'open' || x.k === 'close') return x.text;
    return '?';
  }).join('');
  const refs = t.flatMap(x => (x.k === 'ref' ? [x.ref] : []));
  const [a, b] = refs;
  if (!a || !b) return null;
  switch (shape) {
    case 'R/R': return { num: a, den: b, scale: 1 };
    case 'R/R*H': case '(R/R)*H': case 'R*H/R': case 'H*R/R': case 'H*(R/R)': return { num: a, den: b, scale: 100 };
    default: return null;
  }
}

/** Diacritics matter here: "tăng" (growth) is not "tầng" (hạ tầng, infrastructure). */
const NOT_A_SHARE = /(^|[\s(,;:])(tăng|giảm|so với|tốc độ|chỉ số|vượt|hoàn thành kế hoạch)(?=$|[\s),;:.])/u;

function numberAt(ctx: AuditContext, ref: Ref): number | null {
  const sheet = targetSheet(ctx.book, ctx.view.sheet, ref);
  const v = sheet ? cellAt(sheet, ref.from.row, ref.from.col)?.v : undefined;
  return v?.t === 'n' ? v.n : null;
}

/** Remembered: a row's label may be one long text repeated down thousands of rows. */
const notShareLabel = memoText((label: string) => NOT_A_SHARE.test(clean(label).toLowerCase()));

function shareRow(view: SheetView, row: number): boolean {
  return !notShareLabel(view.label(row));
}

function checkRatio(ctx: AuditContext, info: CellInfo, ratio: Ratio): string | null {
  const v = info.number;
  if (v === null) return null;
  const percentShown = ratio.scale === 100 || isPercentFormat(info.cell?.fmt) || ctx.view.percentUnit(info.row);
  if (!percentShown) return null;
  const pct = ratio.scale === 100 ? v : v * 100;
  if (pct <= 100 + 1e-9 && pct >= 0) return null;
  const n = numberAt(ctx, ratio.num);
  const d = numberAt(ctx, ratio.den);
  const at = cellAddress(info.row, info.col);
  const parts = n !== null && d !== null
    ? (pct > 100
      ? `tử số ${refA1(ratio.num)} (${formatNumber(n)}) lớn hơn mẫu số ${refA1(ratio.den)} (${formatNumber(d)})`
      : `${refA1(ratio.num)} = ${formatNumber(n)}, ${refA1(ratio.den)} = ${formatNumber(d)}`)
    : '';
  const why = pct > 100 ? 'Phần không thể lớn hơn tổng' : 'Tỷ lệ không thể âm';
  return `Tỷ lệ ở ${at} là ${formatNumber(pct)}%, ${pct > 100 ? 'vượt 100%' : 'nhỏ hơn 0'}${parts ? `: ${parts}` : ''}. `
    + `${why}; hãy kiểm tra lại số liệu hoặc thứ tự tử số/mẫu số / a share out of the 0–100% range`;
}

/**
 * Typed results of the check's indicator rows stated in "%" (unit column), outside 0–100: the check engine knows
 * which cell is the result, so a plain 125 in a "%" row's result cell is read as 125%.
 */
function typedResults(ctx: AuditContext): Finding[] {
  const out: Finding[] = [];
  for (const table of ctx.report?.tables ?? []) {
    if (table.kind !== 'indicators' || table.sheet !== ctx.view.sheet.name) continue;
    for (const row of table.rows) {
      const value = row.actual?.value;
      const cell = row.cells.actual;
      if (value === undefined || value === null || cell === null || !/^%/.test(clean(row.unit ?? ''))) continue;
      if ((value <= 100 && value >= 0) || (row.target?.value ?? 0) > 100 || !shareRow(ctx.view, row.row)) continue;
      const p = parseCellAddress(cell);
      const info = p ? ctx.view.info(p.row, p.col) : null;
      if (!info || (info.kind !== 'num' && info.kind !== 'textnum')) continue;
      out.push(finding(ctx.view.sheet.name, cell, 'percent-out-of-range',
        `Kết quả ở ${cell} là ${formatNumber(value)}% (đơn vị tính "%"), ${value > 100 ? 'vượt 100%' : 'nhỏ hơn 0'}. `
        + 'Một tỷ lệ không thể vượt 100% hay âm; hãy kiểm tra lại số liệu / a percentage out of the 0–100% range', null));
    }
  }
  return out;
}

/** Rows of this sheet inside an indicator table the check recognised: a rate there is a stated result. */
function indicatorRows(ctx: AuditContext): Set<number> {
  const rows = new Set<number>();
  for (const table of ctx.report?.tables ?? []) {
    if (table.kind !== 'indicators' || table.sheet !== ctx.view.sheet.name) continue;
    for (const row of table.rows) rows.add(row.row);
  }
  return rows;
}

export function percentRules(ctx: AuditContext): Finding[] {
  const { view } = ctx;
  const inTable = indicatorRows(ctx);
  // Outside an indicator table a share over 100% may be a growth or a comparison: a note, not a likely mistake.
  const sev = (row: number): { severity?: 'info' } => (inTable.has(row) ? {} : { severity: 'info' });
  const out: Finding[] = typedResults(ctx);
  for (let r = 1; r <= view.sheet.rowCount; r++) {
    if (!shareRow(view, r)) continue;
    for (let c = 1; c <= view.sheet.colCount; c++) {
      const info = view.info(r, c);
      const at = cellAddress(r, c);
      if (info.kind === 'formula' && info.cell?.f !== undefined) {
        const ratio = ratioOf(info.cell.f)
          ?? (info.number !== null ? shownRatio(info.cell.f, info.number, ref => numberAt(ctx, ref)) : null);
        const msg = ratio ? checkRatio(ctx, info, ratio) : null;
        if (msg) out.push(finding(view.sheet.name, at, 'percent-out-of-range', msg, info.cell.f, sev(r)));
        continue;
      }
      // A typed number shown as a percentage.
      if (info.kind === 'num' && info.number !== null && isPercentFormat(info.cell?.fmt) && (info.number > 1 + 1e-9 || info.number < 0)) {
        out.push(finding(view.sheet.name, at, 'percent-out-of-range',
          `Ô ${at} ghi tỷ lệ ${formatNumber(info.number * 100)}%, ${info.number > 1 ? 'vượt 100%' : 'nhỏ hơn 0'}. `
          + 'Hãy kiểm tra lại số liệu (có thể gõ nhầm, ví dụ 85 thay vì 85%) / a percentage out of the 0–100% range', null, sev(r)));
      }
    }
  }
  return out;
}
