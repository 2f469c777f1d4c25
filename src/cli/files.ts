import { promises as fs } from 'node:fs';
import path from 'node:path';

const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

/** The workbooks the command line names, and the paths given that do not exist. */
export interface Expanded { readonly files: readonly string[]; readonly missing: readonly string[] }

/**
 * Expands the paths given on the command line: files as given, folders recursively (workbooks only, Office lock
 * files "~$…" skipped), sorted for a stable order. Paths that do not exist come back in `missing`.
 */
export async function expandPaths(inputs: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && WORKBOOK.test(e.name) && !e.name.startsWith('~$')) files.push(p);
    }
  }
  for (const input of inputs) {
    try {
      const st = await fs.stat(input);
      if (st.isDirectory()) await walk(input);
      else files.push(input);
    } catch {
      missing.push(input);
    }
  }
  return { files: [...new Set(files)], missing };
}
