/**
 * Last month, as the comparison needs it: one entry per commune and indicator with its status and value. Read back
 * from our own "Dữ liệu" sheet (so an analyst keeps only last month's output), or taken from a rollup model built from
 * last month's folder of commune workbooks. Columns are found by their header, so an older layout reads too.
 */
import { findIndicator, type Catalog } from '../catalog/catalog';
import { matchIndicator } from '../catalog/match';
import { INDICATOR_STATUSES, type IndicatorStatus } from '../check/report';
import type { Cell, SheetGrid, WorkbookGrid } from '../grid/types';
import { fold } from '../text/fold';
import { communeKey } from './communes';
import { DATA_SHEET, PREVIOUS_HEADERS } from './plan-data';
import type { RollupModel } from './types';

export interface MonthEntry {
  readonly commune: string;
  readonly communeKey: string;
  /** Catalog id, or "unmatched:<folded name>" for a wording the catalog does not know. */
  readonly indicator: string;
  readonly indicatorName: string;
  readonly status: IndicatorStatus;
  readonly value: number | null;
  /** The target's comparison, to tell "improved" from "worsened" (≥ / > higher is better, ≤ / < lower). */
  readonly op: string | null;
}

export interface MonthSnapshot {
  readonly entries: readonly MonthEntry[];
  /** Every commune of the month, reporting or not (a commune with an empty report still counts as present). */
  readonly communes: readonly { readonly name: string; readonly key: string }[];
}

export type PreviousRead =
  | { readonly ok: true; readonly snapshot: MonthSnapshot; readonly sheet: string }
  | { readonly ok: false; readonly error: string };

export { PREVIOUS_HEADERS };

const STATUSES: ReadonlySet<string> = new Set(INDICATOR_STATUSES);

function cellText(c: Cell | undefined): string {
  if (!c) return '';
  switch (c.v.t) {
    case 's': return c.v.s;
    case 'n': return String(c.v.n);
    case 'b': return c.v.b ? 'TRUE' : 'FALSE';
    case 'e': return '';
  }
}

function cellNumber(c: Cell | undefined): number | null {
  if (!c) return null;
  if (c.v.t === 'n') return Number.isFinite(c.v.n) ? c.v.n : null;
  if (c.v.t === 's' && /^-?\d+([.,]\d+)?$/.test(c.v.s.trim())) return Number(c.v.s.trim().replace(',', '.'));
  return null;
}

/** The catalog id of a row: the id written, when the catalog still has it; else the name matched again. */
export function indicatorKeyOf(id: string, name: string, unit: string | null, catalog: Catalog): string {
  if (id && findIndicator(catalog, id)) return id;
  const m = matchIndicator({ name, unit, section: null }, catalog);
  return m ? m.id : `unmatched:${fold(name).replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
}

/** Our own "Dữ liệu" sheet, or a suffixed copy ("Dữ liệu (2)") added to a workbook that had one. */
export function isDataSheetName(name: string): boolean {
  return name === DATA_SHEET || name.startsWith(`${DATA_SHEET} (`);
}

function dataSheet(grid: WorkbookGrid): SheetGrid | undefined {
  // The newest written is the last one.
  const ours = grid.sheets.filter(s => isDataSheetName(s.name));
  return ours[ours.length - 1];
}

/** A cell's text, trimmed; "" for none. */
function trimmed(c: Cell | undefined): string {
  return c === undefined ? '' : cellText(c).trim();
}

/** What a row's indicator resolves to. */
interface Resolved {
  readonly indicator: string;
  readonly indicatorName: string;
}

/**
 * Last month's entries from the rows of a "Dữ liệu" sheet, given one at a time (row 1 is the header): a national
 * rollup's sheet has a million cells, and the reader can hand its rows over without building the sheet. A national
 * sheet has 60,000 rows of a few dozen indicators and a few thousand communes, so what a row's indicator and commune
 * resolve to is kept: the row itself only reads its cells and makes its entry.
 */
export class PreviousRows {
  private at: Record<keyof typeof PREVIOUS_HEADERS, number> | null = null;
  /** Each commune's entries by indicator, as an index into `entries` (whose rank sits at the same index). */
  private readonly best = new Map<string, Map<string, number>>();
  /** The entries in the order first seen (the order the snapshot lists), and the rank of each. */
  private readonly entries: MonthEntry[] = [];
  private readonly ranks: number[] = [];
  private readonly communes = new Map<string, string>();
  /** The header has every column needed (asked once, not per row). */
  private complete = false;
  /** Each commune name's key, folded once. */
  private readonly keys = new Map<string, string>();
  /** Each id written: what it resolves to when the catalog has it, else null. */
  private readonly ofCatalogId = new Map<string, Resolved | null>();
  /** Each other (id, name, unit) written, resolved once: id → name → unit ("" for none). */
  private readonly resolved = new Map<string, Map<string, Map<string, Resolved>>>();

  constructor(private readonly catalog: Catalog) {}

  row(rowNo: number, row: readonly (Cell | undefined)[]): void {
    if (rowNo === 1) {
      const col = (label: string): number => row.findIndex(c => cellText(c).trim() === label);
      this.at = Object.fromEntries(Object.entries(PREVIOUS_HEADERS).map(([k, label]) => [k, col(label)])) as Record<keyof typeof PREVIOUS_HEADERS, number>;
      this.complete = this.missing().length === 0;
      return;
    }
    const at = this.at;
    if (at === null || !this.complete) return;
    // The four required columns are known to be there; the others may be missing (an older layout).
    const commune = trimmed(row[at.commune]);
    const status = trimmed(row[at.status]);
    if (!commune || !STATUSES.has(status)) return;
    const rank = this.rank(row, at, status);
    if (rank === 0) return;
    let key = this.keys.get(commune);
    if (key === undefined) {
      key = communeKey(commune);
      this.keys.set(commune, key);
      // A spelling seen before has its key listed already.
      if (!this.communes.has(key)) this.communes.set(key, commune);
    }
    const { indicator, indicatorName } = this.resolve(row, at);
    const entry: MonthEntry = {
      commune, communeKey: key, indicator, indicatorName, status: status as IndicatorStatus,
      value: at.value >= 0 ? cellNumber(row[at.value]) : null, op: (at.op >= 0 ? trimmed(row[at.op]) : '') || null,
    };
    // Nested maps: no joined key to build and hash for each row.
    let ofCommune = this.best.get(key);
    if (ofCommune === undefined) { ofCommune = new Map(); this.best.set(key, ofCommune); }
    const cur = ofCommune.get(indicator);
    if (cur === undefined) {
      ofCommune.set(indicator, this.entries.length);
      this.entries.push(entry);
      this.ranks.push(rank);
    } else if (rank > (this.ranks[cur] as number)) {
      this.entries[cur] = entry;
      this.ranks[cur] = rank;
    }
  }

  /** The snapshot, or what the sheet lacks to be one. */
  result(sheet: string): PreviousRead {
    const missing = this.missing();
    if (missing.length > 0) return { ok: false, error: `trang "${sheet}" thiếu cột ${missing.join(', ')} / missing columns` };
    // A copy: rows handed over later must not change a snapshot already given.
    return { ok: true, sheet, snapshot: { entries: this.entries.slice(), communes: [...this.communes].map(([key, name]) => ({ key, name })) } };
  }

  /**
   * Whether the row is the value its commune's column showed (2), may be (1: the older layouts), or is not (0). "Dùng
   * cho xã" says it; a sheet written before that column only says "Được tính", where "Có" is the placed value and an
   * invalid figure says "Không" whether it was placed or came from a superseded file (the best guess is kept then).
   */
  private rank(row: readonly (Cell | undefined)[], at: Record<keyof typeof PREVIOUS_HEADERS, number>, status: string): number {
    if (at.placed >= 0) return trimmed(row[at.placed]) === 'Có' ? 2 : 0;
    const counted = at.counted >= 0 ? trimmed(row[at.counted]) : '';
    return counted === 'Có' ? 2 : status === 'invalid' && counted !== '' ? 1 : at.counted < 0 ? 2 : 0;
  }

  /** The row's indicator: by its id alone when the catalog has it (the name and unit then change nothing). */
  private resolve(row: readonly (Cell | undefined)[], at: Record<keyof typeof PREVIOUS_HEADERS, number>): Resolved {
    const id = trimmed(row[at.key]);
    let known = this.ofCatalogId.get(id);
    if (known === undefined) {
      const ind = id ? findIndicator(this.catalog, id) : undefined;
      known = ind ? { indicator: id, indicatorName: ind.name } : null;
      this.ofCatalogId.set(id, known);
    }
    if (known !== null) return known;
    const name = trimmed(row[at.name]);
    const unit = at.unit >= 0 ? trimmed(row[at.unit]) : '';
    let byName = this.resolved.get(id);
    if (byName === undefined) { byName = new Map(); this.resolved.set(id, byName); }
    let byUnit = byName.get(name);
    if (byUnit === undefined) { byUnit = new Map(); byName.set(name, byUnit); }
    let r = byUnit.get(unit);
    if (r === undefined) {
      const indicator = indicatorKeyOf(id, name, unit || null, this.catalog);
      r = { indicator, indicatorName: findIndicator(this.catalog, indicator)?.name ?? name };
      byUnit.set(unit, r);
    }
    return r;
  }

  private missing(): string[] {
    const at = this.at;
    return (['commune', 'key', 'name', 'status'] as const).filter(k => at === null || at[k] < 0).map(k => PREVIOUS_HEADERS[k]);
  }
}

/** Last month from a rollup workbook's "Dữ liệu" sheet. */
export function previousFromGrid(grid: WorkbookGrid, catalog: Catalog): PreviousRead {
  const sheet = dataSheet(grid);
  if (!sheet) return { ok: false, error: `không có trang "${DATA_SHEET}" của một bản tổng hợp / no "${DATA_SHEET}" sheet of a rollup` };
  const rows = new PreviousRows(catalog);
  sheet.rows.forEach((row, i) => { if (row) rows.row(i + 1, row); });
  return rows.result(sheet.name);
}

/** A month from its rollup model: the value placed in each commune's column. */
export function snapshotOfModel(model: RollupModel): MonthSnapshot {
  const entries: MonthEntry[] = [];
  // One key per commune, not per value (60,000 values for 3,321 communes).
  const keys = new Map<string, string>();
  const keyOf = (name: string): string => {
    let k = keys.get(name);
    if (k === undefined) { k = communeKey(name); keys.set(name, k); }
    return k;
  };
  for (const ind of model.indicators) {
    ind.byColumn.forEach(v => {
      if (!v) return;
      entries.push({
        commune: v.commune, communeKey: keyOf(v.commune),
        indicator: ind.kind === 'catalog' ? ind.key : `unmatched:${fold(v.name).replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')}`,
        indicatorName: ind.name, status: v.status, value: v.actual?.value ?? null, op: v.target?.op ?? null,
      });
    });
  }
  return { entries, communes: model.columns.map(c => ({ name: c.commune, key: keyOf(c.commune) })) };
}
