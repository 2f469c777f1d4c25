import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary folder for one test file's corpus, removed by `cleanup`. */
export async function tempDir(prefix = 'phuluc-robust-'): Promise<{ dir: string; write(name: string, bytes: Uint8Array | string): Promise<string>; cleanup(): Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  return {
    dir,
    async write(name, bytes) {
      const p = path.join(dir, name);
      await fs.mkdir(path.dirname(p), { recursive: true });
      await fs.writeFile(p, bytes);
      return p;
    },
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  };
}
