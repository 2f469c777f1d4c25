import type { Cell, Scalar } from '../../core/grid/types';
import { capText } from './limits';
import { unescapeXstring } from './strings';
import type { XfInfo } from './styles';

/** What the worksheet XML said about one <c> element, gathered while parsing it. */
export interface RawCell {
  /** The t attribute: s, str, inlineStr, b, e, n, d (or undefined: a number). */
  t: string | undefined;
  /** Text of <v>, or undefined when there was no <v>. */
  v: string | undefined;
  /** Text of <is> (an inline string), or undefined. */
  inline: string | undefined;
  /** The formula, already expanded for shared formulas; undefined when the cell has none. */
  formula: string | undefined;
  /** The cell has an <f> element (even an empty one, as in data tables): its <v> is a cached result. */
  hasF: boolean;
}

export interface CellContext {
  readonly strings: readonly string[];
  readonly date1904: boolean;
  /** Texts cut to Excel's cell limit (see capText), counted for the caller's notice. */
  readonly tally: { long: number };
}

const EXCEL_EPOCH_DAYS = 25569;
const MS_PER_DAY = 86400000;
/** The largest |milliseconds| a JavaScript Date holds. */
const DATE_LIMIT = 8.64e15;

const EMPTY: Scalar = { t: 's', s: '' };
/** The type of an inline string whose text the collector has already unescaped (no t attribute has this value). */
const INLINE_DONE = ' inline';

/**
 * A date-formatted number as the exceljs reader hands it over: through a Date, so rounded to whole milliseconds and,
 * in a 1904 workbook, moved to the 1900 system the core assumes.
 */
function dateSerial(n: number, date1904: boolean): number {
  const ms = Math.round((n - EXCEL_EPOCH_DAYS + (date1904 ? 1462 : 0)) * MS_PER_DAY);
  return Math.abs(ms) > DATE_LIMIT ? n : ms / MS_PER_DAY + EXCEL_EPOCH_DAYS;
}

/** A bare ISO time ("10:10:10", "T10:10:10.5"), which t="d" cells may hold: a fraction of a day. */
const ISO_TIME = /^T?(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;

/**
 * An ISO 8601 date, date-time or time (t="d" cells, ECMA-376 §18.17.4.1) as a serial day number in the 1900 system
 * (an ISO date names a calendar day whatever the workbook's epoch); null when unreadable.
 */
function isoSerial(s: string): number | null {
  const time = ISO_TIME.exec(s);
  if (time) {
    const seconds = Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0);
    return seconds <= 86400 ? seconds / 86400 : null;
  }
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || !s.includes('T') ? s : `${s}Z`);
  return Number.isFinite(ms) ? ms / MS_PER_DAY + EXCEL_EPOCH_DAYS : null;
}

function numberScalar(text: string, xf: XfInfo | undefined, ctx: CellContext): Scalar {
  const n = parseFloat(text);
  if (!Number.isFinite(n)) return { t: 'e', e: '#NUM!' };
  return { t: 'n', n: xf?.date ? dateSerial(n, ctx.date1904 && xf.timeOnly !== true) : n };
}

function sharedString(text: string, ctx: CellContext): string {
  return ctx.strings[parseInt(text, 10)] ?? '';
}

/** The value of a cell from its type and text; `text` is the <v> (or inline) text, non-empty. */
function scalarOf(t: string | undefined, text: string, xf: XfInfo | undefined, ctx: CellContext): Scalar {
  switch (t) {
    case 's': return { t: 's', s: sharedString(text, ctx) };
    case 'str':
    case 'inlineStr': return { t: 's', s: capText(unescapeXstring(text), ctx.tally) };
    // Text already unescaped by the TextCollector (<is><t>): unescaping again would turn "_x005F_x0000_" into U+0000.
    case INLINE_DONE: return { t: 's', s: capText(text, ctx.tally) };
    case 'b': return { t: 'b', b: parseInt(text, 10) !== 0 };
    case 'e': return { t: 'e', e: text };
    case 'd': {
      const n = isoSerial(text.trim());
      return n === null ? { t: 's', s: text } : { t: 'n', n };
    }
    default: return numberScalar(text, xf, ctx);
  }
}

/** The grid cell for a parsed <c>, or undefined when it holds nothing (a styled empty cell, an empty string). */
export function buildCell(raw: RawCell, xf: XfInfo | undefined, ctx: CellContext): Cell | undefined {
  const inline = raw.t === 'inlineStr' && raw.inline !== undefined;
  const text = inline ? raw.inline : raw.v;
  const t = inline ? INLINE_DONE : raw.t;
  let v: Scalar;
  if (raw.hasF) {
    // A formula's cached result; none (never calculated) reads as an empty string.
    v = text ? scalarOf(t, text, xf, ctx) : EMPTY;
  } else {
    if (text === undefined || text === '') return undefined;
    v = scalarOf(t, text, xf, ctx);
  }
  const f = raw.formula;
  if (v.t === 's' && v.s === '' && f === undefined) return undefined;
  // Built field by field rather than by spreading: this runs once per cell.
  const cell: { v: Scalar; f?: string; fmt?: string; font?: string } = { v };
  if (f !== undefined) cell.f = f;
  if (xf?.fmt !== undefined) cell.fmt = xf.fmt;
  if (xf?.font !== undefined) cell.font = xf.font;
  return cell;
}
