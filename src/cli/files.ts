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

/**
 * Each file's province for `--by-folder`: the folder it sits in right below the folder named on the command line
 * ("ca-nuoc/ha-noi/dot-2/x.xlsx" given "ca-nuoc": "ha-noi"), or that folder's own name for files directly in it
 * (`phuluc rollup ha-noi/ thanh-hoa/`), or a file's own folder when the file itself was named.
 */
export function provinceByFolder(inputs: readonly string[]): (file: string) => string | undefined {
  const roots = inputs.map(p => path.resolve(p)).sort((a, b) => b.length - a.length);
  const memo = new Map<string, string | undefined>();
  return (file: string) => {
    if (memo.has(file)) return memo.get(file);
    const abs = path.resolve(file);
    const root = roots.find(r => abs.startsWith(r + path.sep));
    const parts = root !== undefined ? path.relative(root, abs).split(path.sep) : [];
    const province = (root === undefined ? path.basename(path.dirname(abs)) : parts.length > 1 ? parts[0] : path.basename(root)) || undefined;
    memo.set(file, province);
    return province;
  };
}
