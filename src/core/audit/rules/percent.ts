/**
 * Rates out of range: a share (part / whole) above 100% means the part exceeds the whole; below 0 it is negative.
 * Evidence, one of: a ratio formula (=E5/F5*100, =E5/F5 shown as %, =ROUND(E5/F5*100;2)) or a number shown with a
 * percent format. Rows that speak of growth or comparison ("tăng", "so với", "tốc độ", "chỉ số") may exceed 100%
 * legitimately and are left alone.
 */
import { isPercentFormat } from '../../grammar/format';
import { cellAt } from '../../grid/access';
import { cellAddress } from '../../grid/address';
import { clean } from '../../text/fold';
import type { AuditContext } from '../context';
import { finding, type Finding } from '../finding';
import { refA1 } from '../r1c1';
import { tokenize, type Ref, type Token } from '../tokens';
import { formatNumber, type CellInfo, type SheetView } from '../view';
import { targetSheet } from '../workbook';

export interface Ratio { readonly num: Ref; readonly den: Ref; readonly scale: 1 | 100 }

/** A share formula: ref/ref, ref/ref*100, (ref/ref)*100, ref*100/ref, 100*ref/ref, optionally inside ROUND(…, n). */
export function ratioOf(formula: string): Ratio | null {
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

function shareRow(view: SheetView, row: number): boolean {
  return !NOT_A_SHARE.test(clean(view.label(row)).toLowerCase());
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
  return `Tỷ lệ ở ${at} là ${formatNumber(pct)}%, ${pct > 100 ? 'vượt 100%' : 'nhỏ hơn 0'}${parts ? `: ${parts}` : ''}. `
    + `Phần không thể lớn hơn tổng; hãy kiểm tra lại số liệu hoặc thứ tự tử số/mẫu số / a share out of the 0–100% range`;
}

export function percentRules(ctx: AuditContext): Finding[] {
  const { view } = ctx;
  const out: Finding[] = [];
  for (let r = 1; r <= view.sheet.rowCount; r++) {
    if (!shareRow(view, r)) continue;
    for (let c = 1; c <= view.sheet.colCount; c++) {
      const info = view.info(r, c);
      const at = cellAddress(r, c);
      if (info.kind === 'formula' && info.cell?.f !== undefined) {
        const ratio = ratioOf(info.cell.f);
        const msg = ratio ? checkRatio(ctx, info, ratio) : null;
        if (msg) out.push(finding(view.sheet.name, at, 'percent-out-of-range', msg, info.cell.f));
        continue;
      }
      // A typed number shown as a percentage.
      if (info.kind === 'num' && info.number !== null && isPercentFormat(info.cell?.fmt) && (info.number > 1 + 1e-9 || info.number < 0)) {
        out.push(finding(view.sheet.name, at, 'percent-out-of-range',
          `Ô ${at} ghi tỷ lệ ${formatNumber(info.number * 100)}%, ${info.number > 1 ? 'vượt 100%' : 'nhỏ hơn 0'}. `
          + 'Hãy kiểm tra lại số liệu (có thể gõ nhầm, ví dụ 85 thay vì 85%) / a percentage out of the 0–100% range', null));
      }
    }
  }
  return out;
}
