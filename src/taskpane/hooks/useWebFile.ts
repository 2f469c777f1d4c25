import { useCallback, useEffect, useState } from 'react';
import { readWithProgress } from '../web/read-file';
import type { WebWorkbookHost } from '../web/web-host';
import { errorText } from './useCheck';

export interface WebFile {
  /** The opened file's name; null before the first successful open. */
  readonly name: string | null;
  /** Bumps on every successful open, so views read the new workbook. */
  readonly version: number;
  readonly opening: boolean;
  /** The file that could not be opened and why (the reader's reason or an exception's text). */
  readonly error: { readonly file: string; readonly reason: string } | null;
  /** What the reader could not read whole (sheets cut short). */
  readonly notices: readonly string[];
  readonly open: (file: File) => Promise<void>;
}

/** The workbook of the web mode: opening a dropped file through the web host, and following its changes. */
export function useWebFile(host: WebWorkbookHost | null): WebFile {
  const [version, setVersion] = useState(0);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<WebFile['error']>(null);
  const [, setTick] = useState(0);
  useEffect(() => host?.subscribe(() => setTick(n => n + 1)), [host]);
  const open = useCallback(async (file: File) => {
    if (!host) return;
    setOpening(true);
    setError(null);
    try {
      const result = await host.open(file.name, new Uint8Array(await readWithProgress(file, () => undefined, new AbortController().signal)));
      if (!result.ok) setError({ file: file.name, reason: result.error });
    } catch (e) {
      setError({ file: file.name, reason: errorText(e) });
    } finally {
      // Every attempt is a new file for the views: their results and messages of the previous one go.
      setVersion(v => v + 1);
      setOpening(false);
    }
  }, [host]);
  return { name: host?.fileName ?? null, version, opening, error, notices: host?.readNotices ?? [], open };
}
