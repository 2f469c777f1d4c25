/**
 * Building the rollup model from check reports: every indicator row of every readable file is matched to the
 * catalog (people's corrections first), rows that match nothing are grouped by wording, and each indicator gets
 * one value per commune column with counts, share met, min / median / max and the shared target.
 */
import { defaultCatalog, type Catalog, type CatalogIndicator } from '../catalog/catalog';
import { groupUnmatched } from '../catalog/group';
import { applyMappings } from '../catalog/mappings';
import { isDoubtful, matchIndicator, type IndicatorMatch } from '../catalog/match';
import type { CheckReport, FileReport, IndicatorRowJson } from '../check/report';
import { indicatorResultCell } from '../plan/colour';
import { resolveCommunes, type ProvinceOf } from './communes';
import { learnedCatalog, rematch } from './learn';
import { reviewItems } from './review';
import { countStatuses, emptyCounts, maxOf, median, minOf, sharedTarget, shareMet } from './stats';
import type { CommuneSummary, CountStatus, RollupColumn, RollupCommune, RollupIndicator, RollupModel, RollupValue } from './types';

export interface RollupOptions {
  readonly catalog?: Catalog;
  /** People's corrections: folded name → catalog id (see catalog/mappings). */
  readonly mappings?: ReadonlyMap<string, string>;
  /** Each file's province, when known: communes of one name in two provinces are then two (see resolveCommunes). */
  readonly provinceOf?: ProvinceOf;
}

/** One collator for all comparisons: localeCompare with a locale builds one per call. */
const VIETNAMESE = new Intl.Collator('vi');

interface PendingRow {
  readonly commune: RollupCommune;
  /** The commune's place in the model's list (one per file). */
  readonly communeIndex: number;
  readonly sheet: string;
  readonly row: IndicatorRowJson;
  readonly match: IndicatorMatch | null;
}

function toValue(p: PendingRow, counted: boolean): RollupValue {
  const { row, match } = p;
  return {
    commune: p.commune.name, file: p.commune.file, sheet: p.sheet, cell: indicatorResultCell(row), row: row.row,
    code: row.code, name: row.name, unit: row.unit, section: row.section, target: row.target, actual: row.actual,
    status: row.status, reason: row.reason,
    match: match ? { confidence: match.confidence, runnerUp: match.runnerUp ?? null, manual: match.manual === true, doubtful: isDoubtful(match) } : null,
    counted,
  };
}

/** The first-pass match of each indicator row of a file, in table and row order (null for an unreadable file). */
function firstPass(f: FileReport, catalog: Catalog, mappings: ReadonlyMap<string, string>): (IndicatorMatch | null)[] {
  const out: (IndicatorMatch | null)[] = [];
  if (f.error !== null) return out;
  for (const table of f.tables) {
    // Only indicator tables are rolled up; task lists differ from commune to commune by nature.
    if (table.kind !== 'indicators') continue;
    for (const row of table.rows) {
      const auto = matchIndicator({ name: row.name, unit: row.unit, section: row.section }, catalog);
      out.push(applyMappings(row, auto, mappings));
    }
  }
  return out;
}

function pendingRows(files: readonly FileReport[], matched: readonly (readonly (IndicatorMatch | null)[])[], communes: readonly RollupCommune[]): PendingRow[] {
  const out: PendingRow[] = [];
  files.forEach((f, i) => {
    const commune = communes[i];
    const matches = matched[i];
    if (!commune || !matches || f.error !== null) return;
    let k = 0;
    for (const table of f.tables) {
      if (table.kind !== 'indicators') continue;
      for (const row of table.rows) out.push({ commune, communeIndex: i, sheet: table.sheet, row, match: matches[k++] ?? null });
    }
  });
  return out;
}

/** A second look, with the batch's confident wordings as aliases, at rows that matched nothing or only doubtfully. */
function learnFromBatch(rows: PendingRow[], catalog: Catalog): PendingRow[] {
  if (!rows.some(p => p.match === null || isDoubtful(p.match))) return rows;
  const learnable = rows.map(p => ({ name: p.row.name, unit: p.row.unit, section: p.row.section, match: p.match }));
  const learned = learnedCatalog(catalog, learnable);
  return rows.map((p, i) => {
    const l = learnable[i];
    if (!l) return p;
    // Most rows keep their first match: those are kept as they are, not copied.
    const match = rematch(l, learned);
    return match === p.match ? p : { ...p, match };
  });
}

/**
 * Each file's place, found once per model rather than per row and indicator: an indicator then reaches its rows'
 * files and its columns by index, not by looking each file's path up (21 indicators × 3,321 communes of lookups on a
 * national rollup, each a likely cache miss). A file is numbered by the first commune entry naming it.
 */
interface Placement {
  /** Per commune entry (see PendingRow.communeIndex), its file's number. */
  readonly fileOf: Int32Array;
  /** Per file, whether a column shows it (a counted commune's file). */
  readonly counted: Uint8Array;
  /** Per column, the file it shows. */
  readonly fileOfColumn: Int32Array;
  /** Per file, the indicator whose first row of that file was seen last, and the value it counted there. */
  readonly seenIn: Int32Array;
  readonly countedIn: Int32Array;
  readonly value: (RollupValue | undefined)[];
  indicator: number;
}

function placement(communes: readonly RollupCommune[], columns: readonly RollupColumn[]): Placement {
  const first = new Map<string, number>();
  const fileOf = new Int32Array(communes.length);
  const counted = new Uint8Array(communes.length);
  communes.forEach((c, i) => {
    let f = first.get(c.file);
    if (f === undefined) { f = i; first.set(c.file, i); }
    fileOf[i] = f;
  });
  const fileOfColumn = Int32Array.from(columns, c => first.get(c.file) ?? -1);
  for (const f of fileOfColumn) if (f >= 0) counted[f] = 1;
  return {
    fileOf, counted, fileOfColumn, seenIn: new Int32Array(communes.length).fill(-1),
    countedIn: new Int32Array(communes.length).fill(-1), value: new Array<RollupValue | undefined>(communes.length), indicator: 0,
  };
}

function indicatorOf(key: string, kind: 'catalog' | 'unmatched', meta: { name: string; unit: string | null; section: CatalogIndicator['section'] | null },
  rows: readonly PendingRow[], place: Placement): RollupIndicator {
  const stamp = place.indicator++;
  const values = rows.map(p => {
    // A file's first row matched here is its value; a second one (the same indicator twice) is listed, not counted.
    const f = place.fileOf[p.communeIndex] as number;
    const isFirst = place.seenIn[f] !== stamp;
    place.seenIn[f] = stamp;
    const counted = isFirst && place.counted[f] === 1;
    const v = toValue(p, counted);
    if (counted) { place.countedIn[f] = stamp; place.value[f] = v; }
    return v;
  });
  const byColumn = Array.from(place.fileOfColumn, f => (f >= 0 && place.countedIn[f] === stamp ? place.value[f] : undefined) ?? null);
  const present = byColumn.filter((v): v is RollupValue => v !== null);
  const statuses: CountStatus[] = byColumn.map(v => v?.status ?? 'not_reported');
  const counts = countStatuses(statuses);
  // An invalid figure (an error, over 100 %, negative) is listed for review, never averaged in.
  const numbers = present.filter(v => v.status !== 'invalid').map(v => v.actual?.value).filter((n): n is number => typeof n === 'number');
  return {
    key, kind, name: meta.name, unit: meta.unit, section: meta.section, values, byColumn, counts,
    shareMet: shareMet(counts), min: minOf(numbers), median: median(numbers), max: maxOf(numbers),
    sharedTarget: sharedTarget(present.map(v => v.target)),
  };
}

function summaries(indicators: readonly RollupIndicator[], columns: readonly RollupColumn[]): CommuneSummary[] {
  return columns.map((c, col) => {
    const counts = emptyCounts();
    let reported = 0;
    for (const ind of indicators) {
      const v = ind.byColumn[col];
      if (v) { counts[v.status]++; reported++; }
      // Unmatched groups are one commune's own wording; missing them is not "not reported".
      else if (ind.kind === 'catalog') counts.not_reported++;
    }
    return { commune: c.commune, file: c.file, counts, reported, shareMet: shareMet(counts) };
  });
}

/**
 * Reports taken one at a time, each file's rows matched as it comes: the CLI feeds it while worker threads are still
 * judging the files after, so that matching (60,000 rows for 3,321 communes) is not left for after the last one.
 * `build()` gives what buildRollup gives for the same reports.
 */
export class RollupIntake {
  private readonly files: FileReport[] = [];
  private readonly matched: (IndicatorMatch | null)[][] = [];
  private readonly catalog: Catalog;
  private readonly mappings: ReadonlyMap<string, string>;
  private readonly provinceOf: ProvinceOf | undefined;

  constructor(options: RollupOptions = {}) {
    this.catalog = options.catalog ?? defaultCatalog();
    this.mappings = options.mappings ?? new Map<string, string>();
    this.provinceOf = options.provinceOf;
  }

  add(file: FileReport): void {
    this.files.push(file);
    this.matched.push(firstPass(file, this.catalog, this.mappings));
  }

  /** The reports taken so far, in order. */
  get reports(): readonly FileReport[] {
    return this.files;
  }

  build(): RollupModel {
    const catalog = this.catalog;
    const communes = resolveCommunes(this.files, this.provinceOf);
    const columns: RollupColumn[] = communes.filter(c => c.counted)
      .map(c => ({ commune: c.name, file: c.file }))
      .sort((a, b) => VIETNAMESE.compare(a.commune, b.commune) || a.file.localeCompare(b.file));
    const place = placement(communes, columns);

    const rows = learnFromBatch(pendingRows(this.files, this.matched, communes), catalog);
    const byId = new Map<string, PendingRow[]>();
    const unmatched: PendingRow[] = [];
    for (const p of rows) {
      if (p.match) {
        const list = byId.get(p.match.id);
        if (list) list.push(p); else byId.set(p.match.id, [p]);
      } else unmatched.push(p);
    }

    const indicators: RollupIndicator[] = [];
    for (const ind of catalog.indicators) {
      const list = byId.get(ind.id);
      if (list) indicators.push(indicatorOf(ind.id, 'catalog', ind, list, place));
    }
    const groups = groupUnmatched(unmatched.map(p => ({ name: p.row.name, unit: p.row.unit })));
    for (const g of groups) {
      const members = g.members.map(i => unmatched[i]).filter((p): p is PendingRow => p !== undefined);
      indicators.push(indicatorOf(g.key, 'unmatched', { name: g.name, unit: g.unit, section: null }, members, place));
    }

    const model = { communes, columns, indicators, summaries: summaries(indicators, columns) };
    return { ...model, review: reviewItems(model, catalog) };
  }
}

export function buildRollup(report: CheckReport, options: RollupOptions = {}): RollupModel {
  const intake = new RollupIntake(options);
  for (const f of report.files) intake.add(f);
  return intake.build();
}
