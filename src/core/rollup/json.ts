/**
 * The JSON contract of `phuluc rollup --json`:
 * { "communes": [ { name, file, encoding, error } ],
 *   "indicators": [ { key, name, unit, values: [ { commune, file, sheet, cell, row, target, actual, status } ], counts } ],
 *   "unmatched": [ { commune, file, sheet, cell, row, name, unit, group, suggestions } ] }
 * Values list every matched row of every readable file (a superseded file's rows too, so each stays traceable);
 * counts are over the commune columns (one counted file per commune), "not_reported" included.
 */
import type { MatchCandidate } from '../catalog/match';
import type { Encoding, IndicatorStatus, TargetJson } from '../check/report';
import type { Change, Comparison, IndicatorComparison } from './compare';
import type { RollupModel, StatusCounts } from './types';

export interface RollupJsonValue {
  readonly commune: string;
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly target: TargetJson | null;
  readonly actual: number | null;
  readonly status: IndicatorStatus;
}

export interface RollupJson {
  readonly communes: readonly { readonly name: string; readonly file: string; readonly encoding: Encoding; readonly error: string | null }[];
  readonly indicators: readonly {
    readonly key: string;
    readonly name: string;
    readonly unit: string | null;
    readonly values: readonly RollupJsonValue[];
    readonly counts: StatusCounts;
  }[];
  readonly unmatched: readonly {
    readonly commune: string;
    readonly file: string;
    readonly sheet: string;
    readonly cell: string;
    readonly row: number;
    readonly name: string;
    readonly unit: string | null;
    readonly group: string;
    readonly suggestions: readonly MatchCandidate[];
  }[];
  /** With --previous: per commune and indicator, last month against this month. */
  readonly changes?: readonly Change[];
  /** With --previous: per indicator, communes meeting it (and reporting it) then and now. */
  readonly changesByIndicator?: readonly IndicatorComparison[];
}

export function rollupJson(model: RollupModel, comparison?: Comparison): RollupJson {
  const suggestionsAt = new Map<string, readonly MatchCandidate[]>();
  for (const r of model.review) {
    if (r.kind === 'unmatched') suggestionsAt.set(`${r.file}\u0001${r.sheet}\u0001${r.cell}`, r.suggestions);
  }
  return {
    communes: model.communes.map(c => ({ name: c.name, file: c.file, encoding: c.encoding, error: c.error })),
    indicators: model.indicators.map(ind => ({
      key: ind.key,
      name: ind.name,
      unit: ind.unit,
      values: ind.values.map(v => ({
        commune: v.commune, file: v.file, sheet: v.sheet, cell: v.cell, row: v.row,
        target: v.target, actual: v.actual?.value ?? null, status: v.status,
      })),
      counts: ind.counts,
    })),
    unmatched: model.indicators.filter(ind => ind.kind === 'unmatched').flatMap(ind => ind.values.map(v => ({
      commune: v.commune, file: v.file, sheet: v.sheet, cell: v.cell, row: v.row, name: v.name, unit: v.unit, group: ind.key,
      suggestions: suggestionsAt.get(`${v.file}\u0001${v.sheet}\u0001${v.cell}`) ?? [],
    }))),
    ...(comparison ? { changes: comparison.changes, changesByIndicator: comparison.indicators } : {}),
  };
}
