import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { RollupJson } from '../../src/core/rollup/json';
import { FIXTURES } from '../helpers/fixtures';
import { captureIo } from '../helpers/io';

jest.setTimeout(60_000);

const sha = async (f: string) => createHash('sha256').update(await fs.readFile(f)).digest('hex');

async function folderOfTwo(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-out-'));
  for (const f of ['bao-cao-t4-2026-phu_thinh.xlsx', 'bao-cao-t4-2026-la_hien.xlsx']) {
    await fs.copyFile(path.join(FIXTURES, 'province-2026-04', f), path.join(dir, f));
  }
  return dir;
}

describe('phuluc rollup -o never writes into a source file', () => {
  it('refuses an output that is one of the commune files, named or inside a scanned folder', async () => {
    const dir = await folderOfTwo();
    const source = path.join(dir, 'bao-cao-t4-2026-phu_thinh.xlsx');
    const before = await sha(source);
    for (const args of [[dir, '-o', source], [source, '-o', source]]) {
      const io = captureIo();
      await main(['rollup', ...args], io);
      expect(io.code()).toBe(1);
      expect(io.stderr()).toMatch(/trùng với một tệp nguồn/);
    }
    expect(await sha(source)).toBe(before);
  });

  it('does not read its own earlier output as a commune when run again into the same folder', async () => {
    const dir = await folderOfTwo();
    const out = path.join(dir, 'tong-hop.xlsx');
    for (let run = 0; run < 2; run++) {
      const io = captureIo();
      await main(['rollup', dir, '-o', out, '--json'], io);
      expect(io.code()).toBe(0);
      const json = JSON.parse(io.stdout()) as RollupJson;
      expect(json.communes.map(c => path.basename(c.file)).sort()).toEqual(['bao-cao-t4-2026-la_hien.xlsx', 'bao-cao-t4-2026-phu_thinh.xlsx']);
    }
  });
});
