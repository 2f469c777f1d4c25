/**
 * A month's snapshot as a few flat arrays, to hand to another thread: a structured clone of 56,000 small objects
 * (3,321 communes) costs far more than of its distinct strings and three typed arrays, which can be moved as they are.
 */
import { INDICATOR_STATUSES, type IndicatorStatus } from '../check/report';
import type { MonthEntry, MonthSnapshot } from './previous';

export interface PackedSnapshot {
  /** Every distinct string of the snapshot, once. */
  readonly strings: readonly string[];
  /** Per entry: commune, its key, indicator, indicator name, op (−1: none), as indices into `strings`; status index. */
  readonly entries: Int32Array;
  /** Per entry its value; `hasValue` tells a value from none. */
  readonly values: Float64Array;
  readonly hasValue: Uint8Array;
  /** Per commune its name and key, as indices into `strings`. */
  readonly communes: Int32Array;
}

const FIELDS = 6;
const STATUS_INDEX = new Map<IndicatorStatus, number>(INDICATOR_STATUSES.map((s, i) => [s, i]));

export function packSnapshot(snapshot: MonthSnapshot): PackedSnapshot {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) { i = strings.length; strings.push(s); index.set(s, i); }
    return i;
  };
  const n = snapshot.entries.length;
  const entries = new Int32Array(n * FIELDS);
  const values = new Float64Array(n);
  const hasValue = new Uint8Array(n);
  snapshot.entries.forEach((e, i) => {
    const at = i * FIELDS;
    entries[at] = id(e.commune);
    entries[at + 1] = id(e.communeKey);
    entries[at + 2] = id(e.indicator);
    entries[at + 3] = id(e.indicatorName);
    entries[at + 4] = e.op === null ? -1 : id(e.op);
    entries[at + 5] = STATUS_INDEX.get(e.status) ?? 0;
    if (e.value !== null) { values[i] = e.value; hasValue[i] = 1; }
  });
  const communes = new Int32Array(snapshot.communes.length * 2);
  snapshot.communes.forEach((c, i) => { communes[2 * i] = id(c.name); communes[2 * i + 1] = id(c.key); });
  return { strings, entries, values, hasValue, communes };
}

export function unpackSnapshot(p: PackedSnapshot): MonthSnapshot {
  const str = (i: number): string => p.strings[i] ?? '';
  const entries: MonthEntry[] = [];
  for (let i = 0; i < p.values.length; i++) {
    const at = i * FIELDS;
    const op = p.entries[at + 4] as number;
    entries.push({
      commune: str(p.entries[at] as number), communeKey: str(p.entries[at + 1] as number),
      indicator: str(p.entries[at + 2] as number), indicatorName: str(p.entries[at + 3] as number),
      status: INDICATOR_STATUSES[p.entries[at + 5] as number] ?? 'no_data',
      value: p.hasValue[i] === 1 ? (p.values[i] as number) : null, op: op < 0 ? null : str(op),
    });
  }
  const communes: { name: string; key: string }[] = [];
  for (let i = 0; i < p.communes.length; i += 2) communes.push({ name: str(p.communes[i] as number), key: str(p.communes[i + 1] as number) });
  return { entries, communes };
}
