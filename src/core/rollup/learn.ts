/**
 * Learning from the batch: wordings other communes used and the matcher placed with confidence become extra
 * aliases for a second look at the rows that matched nothing or only doubtfully. A commune that shortens an
 * indicator the way its neighbour did is then placed with the neighbour.
 */
import type { Catalog } from '../catalog/catalog';
import { isDoubtful, matchIndicator, type IndicatorMatch } from '../catalog/match';

/** Only matches this sure teach the catalog a new wording. */
export const LEARN_CONFIDENCE = 0.85;

export interface Learnable {
  readonly name: string;
  readonly unit: string | null;
  readonly section: string | null;
  readonly match: IndicatorMatch | null;
}

export function learnedCatalog(catalog: Catalog, rows: readonly Learnable[]): Catalog {
  const extra = new Map<string, Set<string>>();
  for (const r of rows) {
    const m = r.match;
    if (!m || m.manual || m.confidence < LEARN_CONFIDENCE || isDoubtful(m)) continue;
    const set = extra.get(m.id) ?? new Set<string>();
    set.add(r.name);
    extra.set(m.id, set);
  }
  // People's corrections teach too: that is how they carry over to the neighbours' wordings.
  for (const r of rows) {
    if (r.match?.manual) {
      const set = extra.get(r.match.id) ?? new Set<string>();
      set.add(r.name);
      extra.set(r.match.id, set);
    }
  }
  return {
    version: catalog.version,
    indicators: catalog.indicators.map(ind => {
      const more = extra.get(ind.id);
      return more ? { ...ind, aliases: [...ind.aliases, ...[...more].filter(a => !ind.aliases.includes(a))] } : ind;
    }),
  };
}

/** A second opinion for a row the first pass left unmatched or doubtful; kept only when it is better. */
export function rematch(row: Learnable, learned: Catalog): IndicatorMatch | null {
  const first = row.match;
  if (first && (first.manual || !isDoubtful(first))) return first;
  const second = matchIndicator({ name: row.name, unit: row.unit, section: row.section }, learned);
  if (!second) return first;
  if (!first || second.confidence > first.confidence) return second;
  return first;
}
