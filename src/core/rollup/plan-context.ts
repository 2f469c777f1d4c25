/**
 * What every rollup sheet shares: where the commune files are relative to the written workbook (for links and the
 * "Tệp" column), the province and period for titles and printed page headers, and the print setup.
 */
import type { PrintPlan } from '../plan/types';
import { baseName } from './communes';
import type { RollupModel } from './types';

export interface RollupPlanOptions {
  /**
   * A commune file's path relative to the folder the rollup is written to, with forward slashes (the CLI passes
   * path.relative). Defaults to the file's base name: a rollup saved beside the communes' files.
   */
  readonly relativeFile?: (file: string) => string;
  /** The province, for titles and printed page headers. */
  readonly province?: string;
}

export interface PlanContext {
  readonly rel: (file: string) => string;
  /** "Tỉnh X · tháng 4/2026" or "năm 2026". */
  readonly heading: string;
}

function mostCommon<T>(xs: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [x, c] of counts) if (c > n) { best = x; n = c; }
  return best;
}

/** The period most files report, said as a month when their report dates agree on one. */
export function periodLabel(model: RollupModel): string {
  const read = model.communes.filter(c => c.counted);
  const month = mostCommon(read.map(c => c.reportDate?.slice(0, 7)).filter((m): m is string => m !== undefined));
  if (month) {
    const [y, m] = month.split('-');
    return `tháng ${Number(m)}/${y}`;
  }
  const year = mostCommon(read.map(c => c.period).filter((p): p is number => p !== null));
  return year ? `năm ${year}` : 'kỳ chưa rõ';
}

export function planContext(model: RollupModel, options: RollupPlanOptions = {}): PlanContext {
  const province = options.province?.trim();
  return {
    rel: options.relativeFile ?? baseName,
    heading: `${province ? `${province} · ` : ''}${periodLabel(model)}`,
  };
}

/** Landscape, one page wide, titles and name columns on every page, the province and period on top. */
export function printSetup(ctx: PlanContext, sheet: string, titleRows: readonly [number, number], titleColumns: readonly [number, number]): PrintPlan {
  return { landscape: true, fitToWidth: true, titleRows, titleColumns, header: `Phụ lục 57 — ${sheet} — ${ctx.heading}` };
}
