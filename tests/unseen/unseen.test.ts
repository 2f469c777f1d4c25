/**
 * Workbooks in layouts the recognizer was not built on, written by tests/unseen/generate.js from seed rows with
 * their own truth, checked row by row like the fixtures.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkWorkbook } from '../../src/core/check/check';
import { compare } from '../golden/compare';
import { readFixture, type Truth } from '../helpers/fixtures';

it('judges every row of the generated unseen-style workbooks as their truth says', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-unseen-'));
  try {
    execFileSync(process.execPath, [path.join(__dirname, 'generate.js'), dir], { stdio: 'ignore' });
    const truth = JSON.parse(await fs.readFile(path.join(dir, 'truth.json'), 'utf8')) as Truth;
    expect(truth.workbooks.length).toBeGreaterThanOrEqual(3);
    const misses: string[] = [];
    for (const w of truth.workbooks) {
      const report = checkWorkbook(await readFixture(path.join(dir, w.file)), { file: w.file });
      misses.push(...compare(w, report).map(m => `${w.file} ${m}`));
    }
    expect(misses).toEqual([]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 60_000);
