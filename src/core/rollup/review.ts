/**
 * The review list ("Cần xem lại"): what a person should look at before trusting the rollup. Files that could
 * not be read and why, communes that sent two files, files without an indicator table, rows matched to no
 * indicator or only weakly, an indicator reported twice in one file, indicators a commune did not report.
 */
import type { Catalog } from '../catalog/catalog';
import { suggestIndicators } from '../catalog/match';
import { communeKey } from './communes';
import type { ReviewItem, RollupColumn, RollupCommune, RollupIndicator } from './types';

interface ModelParts {
  readonly communes: readonly RollupCommune[];
  readonly columns: readonly RollupColumn[];
  readonly indicators: readonly RollupIndicator[];
}

/** An indicator most communes report is expected from every commune; a rare one is not. */
function expected(ind: RollupIndicator, columns: number): boolean {
  const reported = columns - ind.counts.not_reported;
  return ind.kind === 'catalog' && columns >= 2 && reported >= 2 && reported * 2 >= columns;
}

export function reviewItems(model: ModelParts, catalog: Catalog): ReviewItem[] {
  const out: ReviewItem[] = [];
  for (const c of model.communes) {
    // The commune of an unreadable file is unknown: its file name is not a commune name.
    if (c.error !== null) out.push({ kind: 'unreadable', file: c.file, commune: null, reason: c.error });
  }

  const byCommune = new Map<string, RollupCommune[]>();
  for (const c of model.communes) {
    if (c.error !== null) continue;
    const key = communeKey(c.name);
    const list = byCommune.get(key);
    if (list) list.push(c); else byCommune.set(key, [c]);
  }
  for (const list of byCommune.values()) {
    const kept = list.find(c => c.counted);
    if (list.length > 1 && kept) out.push({ kind: 'duplicate_commune', commune: kept.name, files: list.map(c => c.file), kept: kept.file });
  }

  for (const c of model.communes) {
    if (c.error === null && c.indicatorRows === 0) out.push({ kind: 'no_indicators', file: c.file, commune: c.name });
  }

  for (const ind of model.indicators) {
    if (ind.kind === 'unmatched') {
      for (const v of ind.values) {
        out.push({ kind: 'unmatched', commune: v.commune, file: v.file, sheet: v.sheet, cell: v.cell, name: v.name, group: ind.key,
          suggestions: suggestIndicators({ name: v.name, unit: v.unit, section: v.section }, catalog) });
      }
      continue;
    }
    for (const v of ind.values) {
      if (v.match?.doubtful) {
        out.push({ kind: 'low_confidence', commune: v.commune, file: v.file, sheet: v.sheet, cell: v.cell, name: v.name,
          key: ind.key, indicatorName: ind.name, confidence: v.match.confidence, runnerUp: v.match.runnerUp });
      }
    }
  }

  for (const ind of model.indicators) {
    for (const v of ind.values) {
      if (v.status === 'invalid' && v.counted) {
        out.push({ kind: 'invalid_value', commune: v.commune, file: v.file, sheet: v.sheet, cell: v.cell, key: ind.key,
          indicatorName: ind.name, written: v.actual?.text ?? '', reason: v.reason });
      }
    }
  }

  for (const ind of model.indicators) {
    const cellsByFile = new Map<string, { commune: string; sheet: string; cells: string[] }>();
    for (const v of ind.values) {
      const entry = cellsByFile.get(v.file);
      if (entry) entry.cells.push(v.sheet === entry.sheet ? v.cell : `${v.sheet}!${v.cell}`);
      else cellsByFile.set(v.file, { commune: v.commune, sheet: v.sheet, cells: [v.cell] });
    }
    for (const [file, e] of cellsByFile) {
      if (e.cells.length > 1) out.push({ kind: 'duplicate_row', commune: e.commune, file, sheet: e.sheet, key: ind.key, indicatorName: ind.name, cells: e.cells });
    }
  }

  const columns = model.columns.length;
  for (const ind of model.indicators) {
    if (!expected(ind, columns)) continue;
    ind.byColumn.forEach((v, col) => {
      const c = model.columns[col];
      if (v === null && c) out.push({ kind: 'not_reported', commune: c.commune, file: c.file, key: ind.key, indicatorName: ind.name });
    });
  }
  return out;
}
