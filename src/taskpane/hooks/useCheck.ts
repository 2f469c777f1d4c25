import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkWorkbook } from '../../core/check/check';
import type { CheckOptions, ColumnOverride } from '../../core/check/options';
import type { FileReport, TableJson } from '../../core/check/report';
import type { WorkbookGrid } from '../../core/grid/types';
import type { WorkbookHost } from '../host';
import { withOverride, withoutOverride, type EditableRole } from '../model/columns';

export type LoadPhase = 'idle' | 'loading' | 'ready' | 'error';

export interface CheckModel {
  readonly phase: LoadPhase;
  /** Why reading the workbook or saving a correction failed (host errors, not user data). */
  readonly error: string | null;
  readonly grid: WorkbookGrid | null;
  readonly report: FileReport | null;
  readonly overrides: readonly ColumnOverride[];
  /** The year the person chose; null follows the headers. */
  readonly period: number | null;
  readonly setRole: (table: TableJson, role: EditableRole, col: number | null) => void;
  readonly resetTable: (table: TableJson) => void;
  readonly setPeriod: (year: number | null) => void;
  readonly reload: () => void;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads the workbook through the host and judges it with the core. The judging is re-run (not re-read) when a
 * column role or the period changes, so corrections show at once.
 */
export function useCheck(host: WorkbookHost | null, file: string, reloadKey: unknown = 0): CheckModel {
  const [phase, setPhase] = useState<LoadPhase>('idle');
  const [error, setError] = useState<string | null>(null);
  const [grid, setGrid] = useState<WorkbookGrid | null>(null);
  const [overrides, setOverrides] = useState<readonly ColumnOverride[]>([]);
  const [period, setPeriod] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);

  // Another workbook (web mode: another file) starts from its own headers' period.
  useEffect(() => { setPeriod(null); }, [host, reloadKey]);

  useEffect(() => {
    if (!host) { setPhase('idle'); setGrid(null); return; }
    const mine = ++seq.current;
    setPhase('loading');
    setError(null);
    Promise.all([host.readGrid(), host.loadOverrides()]).then(([g, o]) => {
      if (mine !== seq.current) return;
      setGrid(g);
      setOverrides(o);
      setPhase('ready');
    }, (e: unknown) => {
      if (mine !== seq.current) return;
      setError(errorText(e));
      setPhase('error');
    });
  }, [host, reloadKey, tick]);

  const report = useMemo(() => {
    if (!grid) return null;
    const options: CheckOptions = { file, overrides, ...(period !== null ? { period } : {}) };
    return checkWorkbook(grid, options);
  }, [grid, file, overrides, period]);

  const save = useCallback((next: ColumnOverride[]) => {
    setOverrides(next);
    host?.saveOverrides(next).catch((e: unknown) => setError(errorText(e)));
  }, [host]);

  return {
    phase, error, grid, report, overrides, period,
    setRole: (table, role, col) => save(withOverride(overrides, table, role, col)),
    resetTable: table => save(withoutOverride(overrides, table)),
    setPeriod,
    reload: () => setTick(n => n + 1),
  };
}
