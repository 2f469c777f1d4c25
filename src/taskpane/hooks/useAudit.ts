import { useEffect, useRef, useState } from 'react';
import { auditWorkbook } from '../../core/audit/audit';
import type { Finding } from '../../core/audit/finding';
import { checkWorkbook } from '../../core/check/check';
import type { WorkbookGrid } from '../../core/grid/types';
import type { WorkbookHost } from '../host';
import { errorText, type LoadPhase } from './useCheck';

export interface AuditModel {
  readonly phase: LoadPhase;
  readonly error: string | null;
  readonly findings: readonly Finding[];
  readonly grid: WorkbookGrid | null;
  readonly reload: () => void;
}

/** Reads the workbook through the host and runs the core's formula audit (with the check report, for evaluations). */
export function useAudit(host: WorkbookHost | null, reloadKey: unknown = 0): AuditModel {
  const [phase, setPhase] = useState<LoadPhase>('idle');
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<readonly Finding[]>([]);
  const [grid, setGrid] = useState<WorkbookGrid | null>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    if (!host) { setPhase('idle'); setFindings([]); return; }
    const mine = ++seq.current;
    setPhase('loading');
    setError(null);
    Promise.all([host.readGrid(), host.loadOverrides()]).then(([g, overrides]) => {
      if (mine !== seq.current) return;
      const report = checkWorkbook(g, { file: '', overrides });
      setFindings(auditWorkbook(g, { report }));
      setGrid(g);
      setPhase('ready');
    }).catch((e: unknown) => {
      if (mine !== seq.current) return;
      setError(errorText(e));
      setPhase('error');
    });
  }, [host, reloadKey, tick]);
  return { phase, error, findings, grid, reload: () => setTick(n => n + 1) };
}
