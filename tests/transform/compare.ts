/**
 * Compares two check reports of the same workbook row by row, matching rows by what they say (table kind, folded
 * name, and the how-many-th such row) rather than by where they stand, since the transformations move them.
 */
import type { FileReport, IndicatorRowJson, TaskRowJson } from '../../src/core/check/report';
import { foldWords } from '../../src/core/text/fold';

interface Judged { status: string; target: string; actual: string }

const near = (x: number | null | undefined) => (typeof x === 'number' ? String(Math.round(x * 100) / 100) : '-');

function judgedRows(r: FileReport): Map<string, Judged> {
  const out = new Map<string, Judged>();
  const seen = new Map<string, number>();
  for (const t of r.tables) {
    for (const row of t.rows as readonly (IndicatorRowJson | TaskRowJson)[]) {
      const base = `${t.kind}:${foldWords(row.name)}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const ind = t.kind === 'indicators' ? (row as IndicatorRowJson) : null;
      out.set(`${base}#${n}`, {
        status: row.status,
        target: ind?.target && ind.target.value !== null ? `${ind.target.op ?? ''}${near(ind.target.value)}` : '-',
        actual: ind ? near(ind.actual?.value) : '-',
      });
    }
  }
  return out;
}

/** Differences of `got` from `want`, one line each; empty when every row is judged the same. */
export function reportDifferences(want: FileReport, got: FileReport): string[] {
  const a = judgedRows(want);
  const b = judgedRows(got);
  const out: string[] = [];
  for (const [k, w] of a) {
    const g = b.get(k);
    if (!g) { out.push(`missing ${k} (${w.status})`); continue; }
    if (g.status !== w.status) out.push(`${k}: status ${g.status}, was ${w.status}`);
    if (g.target !== w.target) out.push(`${k}: target ${g.target}, was ${w.target}`);
    if (g.actual !== w.actual) out.push(`${k}: actual ${g.actual}, was ${w.actual}`);
  }
  for (const [k, g] of b) if (!a.has(k)) out.push(`extra ${k} (${g.status})`);
  if (want.reportDate !== got.reportDate) out.push(`report date ${got.reportDate}, was ${want.reportDate}`);
  if (want.period !== got.period) out.push(`period ${got.period}, was ${want.period}`);
  if (foldWords(want.commune ?? '') !== foldWords(got.commune ?? '')) out.push(`commune ${got.commune}, was ${want.commune}`);
  return out;
}
