import { useCallback, useState } from 'react';
import { EMPTY_MAPPINGS, parseMappings, serializeMappings, withMapping, type MappingFile } from '../../core/catalog/mappings';
import type { Catalog } from '../../core/catalog/catalog';

const STORAGE_KEY = 'phuluc57.mappings';

function load(catalog: Catalog): MappingFile {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? parseMappings(JSON.parse(raw), catalog).file : EMPTY_MAPPINGS;
  } catch {
    return EMPTY_MAPPINGS;
  }
}

function store(file: MappingFile): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, serializeMappings(file));
  } catch {
    // Storage off: corrections last for the session; "Tải mapping.json" still keeps them.
  }
}

export interface Mappings {
  readonly file: MappingFile;
  readonly correct: (name: string, id: string) => void;
  /** Replaces the corrections with a mapping.json the person loads; returns the problems found in it. */
  readonly replace: (doc: unknown) => readonly string[];
}

/** People's match corrections, kept on this computer for next month (same format as the CLI's --map file). */
export function useMappings(catalog: Catalog): Mappings {
  const [file, setFile] = useState<MappingFile>(() => load(catalog));
  const correct = useCallback((name: string, id: string) => {
    setFile(prev => {
      const next = withMapping(prev, name, id);
      store(next);
      return next;
    });
  }, []);
  const replace = useCallback((doc: unknown) => {
    const parsed = parseMappings(doc, catalog);
    setFile(parsed.file);
    store(parsed.file);
    return parsed.problems;
  }, [catalog]);
  return { file, correct, replace };
}
