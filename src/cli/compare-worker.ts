/**
 * The comparison thread (see compare-thread.ts): reads last month's rollup while the pool judges, then, given this
 * month, compares the two and writes "So với kỳ trước" as a deflated part the main thread copies into the workbook
 * while it writes the other sheets. Only flat arrays and the finished part cross the thread boundary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { changeTotals, compareMonths } from '../core/rollup/compare';
import type { MonthSnapshot } from '../core/rollup/previous';
import { comparePalette, comparePlan } from '../core/rollup/plan-compare';
import { unpackSnapshot } from '../core/rollup/snapshot-codec';
import { nodeDeflate } from '../xlsx/node-deflate';
import { writeLoneSheet } from '../xlsx/write/lone-sheet';
import type { CompareRequest, ThreadMessage } from './compare-thread';
import { readPreviousFile } from './previous-file';

const port = parentPort;
if (port !== null) {
  const post = (m: ThreadMessage, transfer: ArrayBuffer[] = []): void => { port.postMessage(m, transfer); };
  let month: MonthSnapshot | null = null;
  const read = readPreviousFile((workerData as { source: string }).source).then(r => {
    if (r.ok) month = r.snapshot;
    post(r.ok ? { type: 'read', ok: true, lines: r.notices } : { type: 'read', ok: false, lines: r.messages });
  }, (e: unknown) => { post({ type: 'read', ok: false, lines: [String((e as Error).message)] }); });
  port.on('message', (req: CompareRequest) => {
    void read.then(() => {
      try {
        if (month === null) throw new Error('last month was not read');
        if (!nodeDeflate) throw new Error('no zlib crc32 on this Node');
        const comparison = compareMonths(month, unpackSnapshot(req.after), req.order);
        month = null;
        const plan = comparePlan(comparison, req.indicators, { heading: req.heading });
        const lone = writeLoneSheet(plan, { strings: req.strings, styles: comparePalette() }, nodeDeflate);
        if (!lone.ok) throw new Error(lone.error);
        const { rows: _rows, ...shape } = plan;
        const data = lone.stored.data;
        post({ type: 'sheet', plan: shape, stored: lone.stored, references: lone.references, totals: changeTotals(comparison.changes) },
          data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? [data.buffer as ArrayBuffer] : []);
      } catch (e) {
        post({ type: 'failed', error: String((e as Error).message) });
      }
    });
  });
}
