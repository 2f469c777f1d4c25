/** The .xlsx / .xlsm files under a folder, sorted (the corpus runners' input). */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function listWorkbooks(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...await listWorkbooks(p));
    else if (/\.xls[xm]$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}
