/**
 * The rollup model: many communes' check reports consolidated per indicator. Every view (the CLI workbook,
 * the task pane, `phuluc rollup --json`) renders this one model.
 */
import type { CatalogSection } from '../catalog/catalog';
import type { MatchCandidate } from '../catalog/match';
import type { ActualJson, Encoding, IndicatorStatus, TargetJson } from '../check/report';

/** What a commune column can show for an indicator: a verdict, or nothing reported. */
export type CountStatus = IndicatorStatus | 'not_reported';

export const COUNT_STATUSES: readonly CountStatus[] =
  ['met', 'not_met', 'at_risk', 'no_data', 'not_applicable', 'manual', 'no_target', 'invalid', 'not_reported'];

export type StatusCounts = Readonly<Record<CountStatus, number>>;

/** One file given to the rollup. */
export interface RollupCommune {
  /** The commune the file is from (from the report; the file name when the report does not say). */
  readonly name: string;
  readonly file: string;
  readonly encoding: Encoding;
  /** Why the file could not be read, or null. */
  readonly error: string | null;
  readonly period: number | null;
  readonly reportDate: string | null;
  /** False for an unreadable file and for a file superseded by a newer file of the same commune. */
  readonly counted: boolean;
  /** The file this one was superseded by. */
  readonly supersededBy: string | null;
  readonly indicatorRows: number;
}

/** A commune column of the summary: one counted file per commune. */
export interface RollupColumn {
  readonly commune: string;
  readonly file: string;
}

export interface ValueMatch {
  readonly confidence: number;
  readonly runnerUp: MatchCandidate | null;
  readonly manual: boolean;
  /** Weak or close to its runner-up: listed for review. */
  readonly doubtful: boolean;
}

/** One indicator row of one commune file, traceable to its cells. */
export interface RollupValue {
  readonly commune: string;
  readonly file: string;
  readonly sheet: string;
  /** Where the result stands (else evaluation, target, name). */
  readonly cell: string;
  readonly row: number;
  readonly code: string;
  /** The name as the commune wrote it. */
  readonly name: string;
  readonly unit: string | null;
  readonly section: string | null;
  readonly target: TargetJson | null;
  readonly actual: ActualJson | null;
  readonly status: IndicatorStatus;
  readonly reason: string;
  /** How the row was matched to the catalog; null for a row in an unmatched group. */
  readonly match: ValueMatch | null;
  /** Placed in the commune's column (first row of this indicator in the commune's counted file). */
  readonly counted: boolean;
}

export interface RollupIndicator {
  /** The catalog id, or "unmatched:…" for a group of rows no catalog indicator fits. */
  readonly key: string;
  readonly kind: 'catalog' | 'unmatched';
  readonly name: string;
  readonly unit: string | null;
  readonly section: CatalogSection | null;
  /** Every row matched here, from every file, in file order. */
  readonly values: readonly RollupValue[];
  /** The counted value for each column of the model (same order), null when the commune did not report it. */
  readonly byColumn: readonly (RollupValue | null)[];
  readonly counts: StatusCounts;
  /** Met among communes that reported a verdict-bearing row (not "not applicable"); null when none did. */
  readonly shareMet: number | null;
  readonly min: number | null;
  readonly median: number | null;
  readonly max: number | null;
  /** The target when every reporting commune has the same one. */
  readonly sharedTarget: TargetJson | null;
}

export interface CommuneSummary {
  readonly commune: string;
  readonly file: string;
  readonly counts: StatusCounts;
  /** Indicators the commune reported (counted rows). */
  readonly reported: number;
  readonly shareMet: number | null;
}

export type ReviewItem =
  | { readonly kind: 'unreadable'; readonly file: string; readonly commune: string | null; readonly reason: string }
  | { readonly kind: 'no_indicators'; readonly file: string; readonly commune: string }
  | { readonly kind: 'duplicate_commune'; readonly commune: string; readonly files: readonly string[]; readonly kept: string }
  | { readonly kind: 'unmatched'; readonly commune: string; readonly file: string; readonly sheet: string; readonly cell: string;
      readonly name: string; readonly group: string; readonly suggestions: readonly MatchCandidate[] }
  | { readonly kind: 'low_confidence'; readonly commune: string; readonly file: string; readonly sheet: string; readonly cell: string;
      readonly name: string; readonly key: string; readonly indicatorName: string; readonly confidence: number;
      readonly runnerUp: MatchCandidate | null }
  | { readonly kind: 'duplicate_row'; readonly commune: string; readonly file: string; readonly sheet: string;
      readonly key: string; readonly indicatorName: string; readonly cells: readonly string[] }
  | { readonly kind: 'not_reported'; readonly commune: string; readonly file: string; readonly key: string; readonly indicatorName: string }
  /** A figure judged invalid (error value, over 100 %, negative, unreadable): left out of every statistic. */
  | { readonly kind: 'invalid_value'; readonly commune: string; readonly file: string; readonly sheet: string; readonly cell: string;
      readonly key: string; readonly indicatorName: string; readonly written: string; readonly reason: string };

export type ReviewKind = ReviewItem['kind'];

export interface RollupModel {
  readonly communes: readonly RollupCommune[];
  readonly columns: readonly RollupColumn[];
  readonly indicators: readonly RollupIndicator[];
  readonly summaries: readonly CommuneSummary[];
  readonly review: readonly ReviewItem[];
}
