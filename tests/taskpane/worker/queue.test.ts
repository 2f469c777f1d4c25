import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../../../src/core/check/check';
import { FileQueue, type QueueItem, type QueueSource } from '../../../src/taskpane/worker/queue';
import { FIXTURES, readFixture } from '../../helpers/fixtures';
import { sampleGrid } from '../sample';
import { InProcessWorker } from './in-process';

// Reads and writes real workbooks; a loaded two-core CI machine can take seconds.
jest.setTimeout(30000);

function until(queue: FileQueue, done: (items: readonly QueueItem[]) => boolean): Promise<readonly QueueItem[]> {
  return new Promise(resolve => {
    if (done(queue.items)) { resolve(queue.items); return; }
    const off = queue.subscribe(() => { if (done(queue.items)) { off(); resolve(queue.items); } });
  });
}

const finished = (items: readonly QueueItem[]) => items.every(i => ['done', 'failed', 'cancelled'].includes(i.state));

async function fileSource(name: string): Promise<QueueSource> {
  const bytes = await fs.readFile(path.join(FIXTURES, name));
  return { kind: 'file', name, size: bytes.length, blob: new Blob([bytes]) };
}

function makeQueue(workers: InProcessWorker[], concurrency = 2) {
  return new FileQueue({
    spawn: () => { const w = new InProcessWorker(); workers.push(w); return w; },
    read: async (blob, onProgress) => { const b = await blob.arrayBuffer(); onProgress(1); return b; },
    concurrency,
  });
}

describe('FileQueue', () => {
  it('reads and checks each file in a worker, giving the same report as the engine', async () => {
    const workers: InProcessWorker[] = [];
    const queue = makeQueue(workers);
    const name = 'phu-thinh-bao-cao-thang-4-2026.xlsx';
    queue.add([await fileSource(name)]);
    const [item] = await until(queue, finished);
    expect(item?.state).toBe('done');
    expect(item?.progress).toBe(1);
    const expected = checkWorkbook(await readFixture(path.join(FIXTURES, name)), { file: name });
    expect(item?.report).toEqual(expected);
    expect(workers[0]?.posted[0]?.kind).toBe('bytes');
    queue.dispose();
  });

  it('an unreadable file is a finished item carrying the reason, and the others go on', async () => {
    const workers: InProcessWorker[] = [];
    const queue = makeQueue(workers, 1);
    queue.add([
      { kind: 'file', name: 'renamed.xlsx', size: 9, blob: new Blob(['a;b;c\n1;2;3\n']) },
      { kind: 'grid', name: 'Sheet', grid: sampleGrid() },
    ]);
    const items = await until(queue, finished);
    expect(items.map(i => i.state)).toEqual(['failed', 'done']);
    expect(items[0]?.error).toMatch(/CSV/);
    expect(items[0]?.report?.error).toBe(items[0]?.error);
    // One worker, reused for the second file.
    expect(workers).toHaveLength(1);
    queue.dispose();
  });

  it('never runs more files at once than asked', async () => {
    const workers: InProcessWorker[] = [];
    const queue = makeQueue(workers, 2);
    let maxBusy = 0;
    queue.subscribe(() => {
      maxBusy = Math.max(maxBusy, queue.items.filter(i => i.state === 'reading' || i.state === 'checking').length);
    });
    queue.add(Array.from({ length: 5 }, (_, i) => ({ kind: 'grid' as const, name: `S${i}`, grid: sampleGrid() })));
    const items = await until(queue, finished);
    expect(items.every(i => i.state === 'done')).toBe(true);
    expect(maxBusy).toBeLessThanOrEqual(2);
    expect(workers.length).toBeLessThanOrEqual(2);
    queue.dispose();
  });

  it('cancelling a file being checked terminates its worker; the next file gets a fresh one', async () => {
    const workers: InProcessWorker[] = [];
    const queue = new FileQueue({
      spawn: () => { const w = new InProcessWorker(); w.hold = workers.length === 0; workers.push(w); return w; },
      read: async blob => blob.arrayBuffer(),
      concurrency: 1,
    });
    queue.add([{ kind: 'grid', name: 'slow', grid: sampleGrid() }, { kind: 'grid', name: 'next', grid: sampleGrid() }]);
    await until(queue, items => items[0]?.state === 'checking');
    expect(queue.items[1]?.state).toBe('queued');
    queue.cancel(queue.items[0]!.id);
    expect(workers[0]?.terminated).toBe(true);
    const items = await until(queue, finished);
    expect(items.map(i => i.state)).toEqual(['cancelled', 'done']);
    expect(workers).toHaveLength(2);
    // A late answer from the cancelled worker changes nothing.
    workers[0]?.release();
    await new Promise(r => setTimeout(r, 10));
    expect(queue.items[0]?.state).toBe('cancelled');
    queue.dispose();
  });

  it('cancelling a queued file never starts it; cancelAll stops everything', async () => {
    const workers: InProcessWorker[] = [];
    const queue = new FileQueue({
      spawn: () => { const w = new InProcessWorker(); w.hold = true; workers.push(w); return w; },
      read: async blob => blob.arrayBuffer(),
      concurrency: 1,
    });
    queue.add([1, 2, 3].map(i => ({ kind: 'grid' as const, name: `S${i}`, grid: sampleGrid() })));
    await until(queue, items => items[0]?.state === 'checking');
    queue.cancel(queue.items[2]!.id);
    expect(queue.items[2]?.state).toBe('cancelled');
    queue.cancelAll();
    expect(queue.items.map(i => i.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(workers.every(w => w.posted.every(p => p.name !== 'S3'))).toBe(true);
    queue.remove(queue.items[0]!.id);
    expect(queue.items).toHaveLength(2);
    queue.clear();
    expect(queue.items).toHaveLength(0);
    queue.dispose();
  });

  it('a crashed worker fails its file and is not reused', async () => {
    const workers: InProcessWorker[] = [];
    const queue = new FileQueue({
      spawn: () => {
        const w = new InProcessWorker();
        if (workers.length === 0) w.postMessage = () => { setTimeout(() => w.onerror?.({ message: 'boom' } as ErrorEvent), 0); };
        workers.push(w);
        return w;
      },
      read: async blob => blob.arrayBuffer(),
      concurrency: 1,
    });
    queue.add([{ kind: 'grid', name: 'a', grid: sampleGrid() }, { kind: 'grid', name: 'b', grid: sampleGrid() }]);
    const items = await until(queue, finished);
    expect(items.map(i => i.state)).toEqual(['failed', 'done']);
    expect(items[0]?.error).toBe('boom');
    expect(workers[0]?.terminated).toBe(true);
    queue.dispose();
  });
});
