import type { Catalog } from '../../core/catalog/catalog';
import { mappingKey } from '../../core/catalog/mappings';
import type { RollupModel, RollupValue } from '../../core/rollup/types';
import { fold } from '../../core/text/fold';

/** One wording to review: people correct a wording (for every commune that uses it), as the mapping file does. */
export interface ReviewEntry {
  readonly key: string;
  /** The wording as first written. */
  readonly name: string;
  readonly unit: string | null;
  readonly communes: readonly string[];
  /** Catalog id, or null when no catalog indicator fits (an unmatched group). */
  readonly id: string | null;
  readonly indicatorName: string;
  /** The lowest confidence among its rows; 0 when unmatched. */
  readonly confidence: number;
  readonly doubtful: boolean;
  readonly manual: boolean;
  /** Where one of its rows stands, to look at it. */
  readonly at: { readonly file: string; readonly sheet: string; readonly cell: string };
}

function rank(e: ReviewEntry): number {
  if (e.manual) return 3;
  if (e.id === null) return 0;
  return e.doubtful ? 1 : 2;
}

/** Every wording of the model, unmatched and doubtful first, then by confidence, lowest first. */
export function reviewEntries(model: RollupModel): ReviewEntry[] {
  const byKey = new Map<string, { entry: ReviewEntry; communes: Set<string> }>();
  for (const ind of model.indicators) {
    for (const v of ind.values) {
      const key = mappingKey(v.name);
      const prev = byKey.get(key);
      const confidence = v.match?.confidence ?? 0;
      if (prev) {
        prev.communes.add(v.commune);
        prev.entry = { ...prev.entry, confidence: Math.min(confidence, prev.entry.confidence), doubtful: prev.entry.doubtful || v.match?.doubtful === true };
        continue;
      }
      byKey.set(key, {
        communes: new Set([v.commune]),
        entry: entryOf(key, v, ind.kind === 'catalog' ? ind.key : null, ind.name),
      });
    }
  }
  return [...byKey.values()]
    .map(({ entry, communes }) => ({ ...entry, communes: [...communes].sort((a, b) => a.localeCompare(b, 'vi')) }))
    .sort((a, b) => rank(a) - rank(b) || a.confidence - b.confidence || a.name.localeCompare(b.name, 'vi'));
}

function entryOf(key: string, v: RollupValue, id: string | null, indicatorName: string): ReviewEntry {
  return {
    key, name: v.name, unit: v.unit, communes: [], id, indicatorName,
    confidence: v.match?.confidence ?? 0, doubtful: v.match?.doubtful === true, manual: v.match?.manual === true,
    at: { file: v.file, sheet: v.sheet, cell: v.cell },
  };
}

/** Catalog indicators whose name or id contains every word typed, accents and case ignored. */
export function searchCatalog(catalog: Catalog, query: string, limit = 30): Catalog['indicators'] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const hits = catalog.indicators.filter(ind => {
    const hay = `${fold(ind.name)} ${ind.id.replace(/_/g, ' ')} ${ind.aliases.map(fold).join(' ')}`;
    return words.every(w => hay.includes(w));
  });
  return hits.slice(0, limit);
}
