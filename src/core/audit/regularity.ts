/**
 * How regular a line of cells is, and how much more regular fixing some cells would make it. A line (the formula
 * cells of a column stretch, or of a row stretch) is read as its sequence of formula shapes (relative R1C1); the
 * regions are its maximal runs of one shape, and its irregularity is the entropy of the region sizes, in the spirit
 * of ExceLint's entropy of rectangular regions (Barowy, Berger, Zorn, OOPSLA 2018): one odd cell splitting a long run
 * in two costs a lot, a separate block of another shape at one end costs little. The gain of a fix is the drop of
 * that entropy when the fixed cells take the dominant shape, per fixed cell, so a single stray formula and a few
 * scattered ones count, while a deliberate second block or a regular alternation does not.
 */

import { editDistance } from '../text/edit-distance';

/** A line as run-length encoded labels (positions of one label that follow each other form one run). */
export interface Runs {
  readonly labels: readonly string[];
  readonly lengths: readonly number[];
  readonly total: number;
}

export function runsOf(sequence: readonly string[]): Runs {
  const labels: string[] = [];
  const lengths: number[] = [];
  for (const s of sequence) {
    const last = labels.length - 1;
    if (last >= 0 && labels[last] === s) lengths[last] = (lengths[last] ?? 0) + 1;
    else { labels.push(s); lengths.push(1); }
  }
  return { labels, lengths, total: sequence.length };
}

function term(length: number, total: number): number {
  const p = length / total;
  return p <= 0 ? 0 : -p * Math.log(p);
}

/** Entropy (nats) of the region sizes of a line. 0: one region. */
export function irregularity(runs: Runs): number {
  return runs.lengths.reduce((h, l) => h + term(l, runs.total), 0);
}

/**
 * The entropy drop when every run labelled `fixed` takes the label `into`: touched runs merge with their `into`
 * neighbours. Work is proportional to the runs of `fixed` and their neighbours, so all groups of a line together
 * cost one pass over it. `index` lists the run indexes of each label (from `runIndex`).
 */
export function fixGain(runs: Runs, index: ReadonlyMap<string, readonly number[]>, fixed: string, into: string): number {
  const mine = index.get(fixed) ?? [];
  let gain = 0;
  let i = 0;
  while (i < mine.length) {
    const start = mine[i] ?? 0;
    // Extend left over one `into` run, then right over `fixed` / `into` runs while they follow each other.
    let lo = start;
    if (lo > 0 && runs.labels[lo - 1] === into) lo--;
    let hi = start;
    for (;;) {
      const next = runs.labels[hi + 1];
      if (next === into) { hi++; continue; }
      if (next === fixed) { hi++; i++; continue; }
      break;
    }
    i++;
    let before = 0;
    let merged = 0;
    for (let k = lo; k <= hi; k++) {
      const l = runs.lengths[k] ?? 0;
      before += term(l, runs.total);
      merged += l;
    }
    gain += before - term(merged, runs.total);
  }
  return gain;
}

export function runIndex(runs: Runs): Map<string, number[]> {
  const out = new Map<string, number[]>();
  runs.labels.forEach((l, i) => { const list = out.get(l); if (list) list.push(i); else out.set(l, [i]); });
  return out;
}

/** Positions evenly spaced (a row every n rows): a pattern of the layout, not a stray formula. */
export function periodic(positions: readonly number[]): boolean {
  if (positions.length < 3) return false;
  const step = (positions[1] ?? 0) - (positions[0] ?? 0);
  return step > 1 && positions.every((p, i) => i === 0 || p - (positions[i - 1] ?? 0) === step);
}

/** Token edit distance (Levenshtein over token keys), bounded: null when it exceeds `max`. */
export function tokenDistance(a: readonly string[], b: readonly string[], max: number): number | null {
  const d = editDistance(a, b, max);
  return d <= max ? d : null;
}
