/**
 * The caller's other work beside the judging (`alongside` of src/cli/pool.ts), in this thread: it runs before the
 * first file is judged, and a false stops the judging with nothing handed over. The same with workers is
 * tests/cli/pool.test.ts (whole processes: workers load compiled JavaScript).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { judgeInOrder } from '../../src/cli/pool';
import { FIXTURES } from '../helpers/fixtures';

jest.setTimeout(60_000);

const PROVINCE = path.join(FIXTURES, 'province-2026-04');

async function someFiles(n: number): Promise<string[]> {
  return (await fs.readdir(PROVINCE)).filter(f => f.endsWith('.xlsx')).sort().slice(0, n).map(f => path.join(PROVINCE, f));
}

describe('judgeInOrder with other work alongside, in one thread', () => {
  it('does the other work first, then hands over every report in order', async () => {
    const files = await someFiles(3);
    const events: string[] = [];
    const done = await judgeInOrder(files, {}, 1, r => { events.push(path.basename(r.file)); }, async () => {
      events.push('alongside');
      return true;
    });
    expect(done).toBe(true);
    expect(events).toEqual(['alongside', ...files.map(f => path.basename(f))]);
  });

  it('judges nothing when the other work says stop', async () => {
    const files = await someFiles(3);
    const visited: string[] = [];
    const done = await judgeInOrder(files, {}, 2, r => { visited.push(r.file); }, async () => false);
    expect(done).toBe(false);
    expect(visited).toEqual([]);
  });

  it('without other work, hands over every report (true)', async () => {
    const files = await someFiles(2);
    const visited: string[] = [];
    expect(await judgeInOrder(files, {}, 1, r => { visited.push(r.file); })).toBe(true);
    expect(visited).toEqual(files);
  });
});
