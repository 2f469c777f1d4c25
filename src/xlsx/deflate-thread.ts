/**
 * Deflating on a second thread while this one makes the XML (the CLI's writer). The writer is synchronous: it pulls
 * rows and never yields to the event loop, so zlib's asynchronous streams would not overlap with it (measured). A worker
 * thread does: segments are handed to it, and its results are taken back synchronously (`receiveMessageOnPort`). When
 * it is behind (its window of segments full), this thread compresses the next segment itself instead of waiting, and
 * the results are handed over in order; it waits on a shared counter (`Atomics.wait`) only at the end.
 *
 * Each segment is compressed exactly as `nodeDeflate` compresses it (a raw deflate of its own, sync-flushed), so the file
 * is byte for byte the one the synchronous path writes. Small outputs never start the thread: the first
 * `SYNC_BYTES` are deflated here, as before (a worker takes tens of milliseconds to start).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { nodeDeflate } from './node-deflate';
import type { SegmentDeflate } from './write';

/** Uncompressed bytes deflated in this thread before the worker is started: a province's rollup stays below. */
export const SYNC_BYTES = 4 << 20;
/**
 * Segments are copied into shared slots, not posted: a posted copy is memory the worker's V8 frees only when external
 * memory has grown by tens of megabytes (a national rollup peaked 37 MB higher that way, measured). A segment larger
 * than a slot (rare: the writer's are ~64 KB) is posted.
 */
const SLOTS = 16;
const SLOT_BYTES = 256 << 10;
/**
 * The worker's own heap stays small (https://nodejs.org/api/worker_threads.html#new-workerfilename-options,
 * resourceLimits): it holds one segment's output at a time.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 } as const;
/** Longest wait for one more segment: deflating 64 KB takes about a millisecond. */
const WAIT_MS = 30_000;

// Plain JavaScript run with `eval`, so it needs no build step and works from the TypeScript sources (tests) too.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const { port, signal, slots, level } = workerData;
const done = new Int32Array(signal);
port.on('message', m => {
  let out = null;
  let error = null;
  try {
    const input = m.chunk !== undefined ? m.chunk : new Uint8Array(slots, m.at, m.length);
    out = zlib.deflateRawSync(input, { level, finishFlush: m.final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
  } catch (e) {
    error = String(e && e.message);
  }
  port.postMessage({ seq: m.seq, out, error });
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
`;

interface Result { readonly seq: number; readonly out: Uint8Array | null; readonly error: string | null }
type Done = (err: Error | null, out: Uint8Array) => void;

export interface ThreadedDeflate extends SegmentDeflate {
  /** Stops the worker (if it was started). */
  readonly close: () => void;
}

/** Options for tests: start the thread at once, or keep few segments in flight (at most the 16 slots). */
export interface ThreadedDeflateOptions { readonly syncBytes?: number; readonly maxInFlight?: number }

/** A segment handed over, in the order given: compressed here at once, or by the worker later. */
interface Segment {
  readonly done: Done;
  out: Uint8Array | null;
  err: Error | null;
}

/** A SegmentDeflate that hands segments to a worker thread; null where Node's zlib lacks crc32 (before 20.15). */
export function threadedDeflate(options: ThreadedDeflateOptions = {}): ThreadedDeflate | null {
  const sync = nodeDeflate;
  if (!sync) return null;
  const syncBytes = options.syncBytes ?? SYNC_BYTES;
  const maxInFlight = Math.max(1, Math.min(options.maxInFlight ?? SLOTS, SLOTS));
  let worker: Worker | null = null;
  let port: MessagePort | null = null;
  let counter: Int32Array | null = null;
  let slots: Uint8Array | null = null;
  let posted = 0;
  let received = 0;
  let bytes = 0;
  let failure: Error | null = null;
  // Every segment not yet handed to its `done`, in order; and those of them the worker holds, in order (both short:
  // at most the window and the segments compressed here behind it).
  const queue: Segment[] = [];
  const atWorker: Segment[] = [];

  const start = (): MessagePort => {
    const channel = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const shared = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
    counter = new Int32Array(signal);
    slots = new Uint8Array(shared);
    worker = new Worker(WORKER_SOURCE, {
      eval: true, workerData: { port: channel.port2, signal, slots: shared, level: 1 }, transferList: [channel.port2], resourceLimits: WORKER_LIMITS,
    });
    worker.unref();
    worker.on('error', e => { failure ??= e; });
    port = channel.port1;
    return port;
  };

  /** Hands over, in order, every segment whose bytes are ready. */
  const handOver = (): void => {
    for (let seg = queue[0]; seg !== undefined && (seg.out !== null || seg.err !== null); seg = queue[0]) {
      queue.shift();
      seg.done(seg.err, seg.out ?? new Uint8Array(0));
    }
  };
  const settleFrom = (r: Result): void => {
    received++;
    const seg = atWorker.shift() as Segment;
    if (r.error !== null || r.out === null) seg.err = new Error(r.error ?? 'deflate failed');
    else seg.out = r.out;
  };
  // Takes the results the counter announces (an empty receiveMessageOnPort costs as much as a full one); with `block`,
  // until the worker holds none. A worker that made no progress for WAIT_MS has died (its 'error' event would need the
  // event loop, which this synchronous write never gives back): what it held fails, and so does the write.
  const collect = (block: boolean): void => {
    const c = counter as Int32Array;
    const p = port as MessagePort;
    for (;;) {
      const ready = Atomics.load(c, 0);
      while (received < ready) {
        const m = receiveMessageOnPort(p);
        if (m === undefined) break;
        settleFrom(m.message as Result);
      }
      if (!block || received === posted) break;
      if (Atomics.wait(c, 0, ready, WAIT_MS) === 'timed-out' && Atomics.load(c, 0) === ready) {
        const err = failure ?? new Error('deflate thread stopped');
        while (received < posted) settleFrom({ seq: received, out: null, error: err.message });
        break;
      }
    }
    handOver();
  };
  const here = (seg: Segment, chunk: Uint8Array, final: boolean): void => {
    try { seg.out = sync.deflate(chunk, final); } catch (e) { seg.err = e as Error; }
  };

  return {
    crc32: sync.crc32,
    deflate: sync.deflate,
    defer: (chunk, final, done) => {
      const seg: Segment = { done, out: null, err: null };
      if (!port && bytes + chunk.length <= syncBytes) {
        bytes += chunk.length;
        here(seg, chunk, final);
        seg.done(seg.err, seg.out ?? new Uint8Array(0));
        return;
      }
      const p = port ?? start();
      queue.push(seg);
      if (posted - received >= maxInFlight) collect(false);
      if (posted - received >= maxInFlight) {
        // The worker is behind: this thread compresses the segment itself rather than wait (both cores busy).
        here(seg, chunk, final);
      } else {
        const seq = posted++;
        atWorker.push(seg);
        // A slot is free again once its result is taken: at most maxInFlight (≤ SLOTS) segments are at the worker.
        if (chunk.length <= SLOT_BYTES) {
          const at = (seq % SLOTS) * SLOT_BYTES;
          (slots as Uint8Array).set(chunk, at);
          p.postMessage({ seq, at, length: chunk.length, final });
        } else {
          // Copied, not transferred: moving a buffer cost 5 times as much as copying it (measured, Node 20).
          p.postMessage({ seq, chunk, final });
        }
      }
      handOver();
    },
    settle: () => { if (port) collect(true); },
    close: () => {
      port?.close();
      void worker?.terminate();
      port = null;
      worker = null;
    },
  };
}
