/**
 * Judges many files on a small pool of worker threads, handing the reports over in input order so everything printed
 * or written is the same as judged one by one. The main thread keeps the order, the matching, the rollup model and
 * the writer; workers only read, normalise, recognise and judge. The main thread judges nothing itself while the
 * pool runs: each workbook's grid then lives and dies in a worker's small, capped heap, and the main heap holds only
 * the reports (3,321 communes: 214–227 MB peak against 217–292 MB when this thread judged too, at the same speed,
 * alternating runs).
 *
 * Memory stays bounded: at most WINDOW files are in flight or waiting for an earlier one, and each worker's heap is
 * capped. A worker that fails (a crash, its heap limit) is not trusted again: the files it held and every file after
 * are judged in this thread, as with --jobs 1, so a file that throws here throws as it always did.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileReport } from '../core/check/report';
import { judgeFile, type JudgeOptions } from './judge-file';

export interface JobRequest { readonly index: number; readonly file: string; readonly opts: JudgeOptions }
/** `report` is the FileReport as JSON text (see worker.ts). */
export interface JobResult { readonly index: number; readonly report: string }

/** Fewer files than this are judged in process: starting a worker (~0.1 s of module loading) would not pay off. */
export const MIN_FILES_FOR_POOL = 8;
/** Reports a worker posts at once (each message wakes this thread, which on two cores takes a core from a worker). */
export const RESULTS_PER_MESSAGE = 12;
/**
 * Files posted to one worker before it answers, so it never idles between files: a batch being made and three queued.
 * With one queued (24 files), a national rollup's workers ran dry 15–20 times a run, 2–12 ms each, waiting for this
 * thread, which shares the cores with them, to take a batch and post more (timed in the worker); with three, national
 * `--previous` took 4.854 against 5.012 s and 3.854 against 4.040 s, the plain rollup 4.202 against 4.290 s (10
 * alternating pairs each, 2026-12-04, a busy hour; 3–5% less CPU), and the same in a quiet one (3.146 against 3.145 s):
 * the busier the cores, the later this thread answers. The window below is doubled to let them.
 */
const PER_WORKER = 4 * RESULTS_PER_MESSAGE;
/**
 * Files dispatched but not yet handed over (in flight, or done and waiting for an earlier slow file): room for a slow
 * file not to stall the others (8 made the pool wait, measured) and for each worker's queue; 128 waiting reports are
 * about 2 MB (peaks unchanged: 213–216 MB for the national rollup, 219–247 MB with --previous).
 */
const WINDOW = 128;
/**
 * A worker holds one commune's grid at a time (a few MB); the cap keeps a pathological file from growing the process
 * past what one thread would (https://nodejs.org/api/worker_threads.html#new-workerfilename-options, resourceLimits).
 */
const WORKER_HEAP_MB = 256;
/** A small young generation: a commune's cells die young, and every thread's nursery adds to the process's peak. */
const WORKER_YOUNG_MB = 8;

/** Fewer files than this are judged in one thread unless --jobs asks otherwise: the pool's gain did not pay its start. */
export const MIN_FILES_FOR_DEFAULT_POOL = 1000;

/** How long the CPUs are watched at least before choosing: short against a national run's seconds. */
const IDLE_SAMPLE_MS = 40;

/** The kernel's counters over all cores, in milliseconds: time spent idle, and in all. */
export interface CpuCounters { readonly idle: number; readonly total: number }

function cpuCounters(): CpuCounters {
  let idle = 0;
  let total = 0;
  for (const c of os.cpus()) {
    const { user, nice, sys, idle: quiet, irq } = c.times;
    idle += quiet;
    total += user + nice + sys + quiet + irq;
  }
  return { idle, total };
}

/**
 * Cores that other processes left idle between two readings (0 … `cores`): the time this process itself ran,
 * `ownMs` over all its threads, counts as idle, so the window may be one in which it worked.
 */
export function idleBesides(a: CpuCounters, b: CpuCounters, ownMs: number, cores: number): number {
  const total = b.total - a.total;
  if (total <= 0) return 0;
  const others = Math.max(0, total - (b.idle - a.idle) - ownMs);
  return Math.max(0, Math.min(cores, cores * (1 - others / total)));
}

/**
 * The window watched: from this module's loading (the CLI's start) to the choice, so that the work done meanwhile
 * (reading last month for --previous, 0.2 s) is not followed by 40 ms of waiting. Measured on 2 cores: 1.75–2.0
 * cores idle on a quiet machine, 1.09–1.11 with another process spinning on one core (as watching while asleep reads).
 */
const started = { at: Date.now(), cpus: cpuCounters(), own: process.cpuUsage() };

async function idleCores(): Promise<number> {
  const waited = Date.now() - started.at;
  if (waited < IDLE_SAMPLE_MS) await new Promise<void>(resolve => { setTimeout(resolve, IDLE_SAMPLE_MS - waited); });
  const own = process.cpuUsage(started.own);
  return idleBesides(started.cpus, cpuCounters(), (own.user + own.system) / 1000, os.cpus().length);
}

/**
 * The threads used when --jobs is not given: this machine's cores, at most 2, for large inputs when a core is
 * idle now (measured since the start, 40 ms at least; the load average also counts tasks waiting on disk, and read ~1 on an idle VM
 * here); else 1. Measured on 2 cores (rollup of 3,321 communes, alternating runs): two workers 4.7–5.1 s and
 * 226–234 MB against 4.4–5.4 s and 238–280 MB in one thread; 150 communes took 0.78–0.83 s against 0.65 s (starting the worker and warming a second copy of
 * the code costs more than it saves); at load 4–11 the worker bought nothing on 3,321 (8.7–10.7 s against
 * 8.7–9.3 s). Two processes judging half the files each took 2.2–2.6 s against 1.7 s alone: V8's GC and compiler
 * threads and zlib already use the second core, so two threads are not twice as fast.
 */
export async function defaultJobs(files: number): Promise<number> {
  const cores = Math.max(1, os.availableParallelism());
  if (files < MIN_FILES_FOR_DEFAULT_POOL || cores < 2) return 1;
  return await idleCores() >= 0.8 ? 2 : 1;
}

/** The compiled worker next to this module; absent when the CLI runs from its TypeScript sources (tests), then in process. */
function workerScript(): string | null {
  const js = path.join(__dirname, 'worker.js');
  return existsSync(js) ? js : null;
}

/**
 * Judges `files` on `jobs` worker threads (one job: in this thread) and calls `visit` with each report in the order of
 * `files`. Each worker is a copy of the modules to load and warm up (~0.2 s of CPU), which is why small inputs stay in
 * this thread.
 */
export async function judgeInOrder(files: readonly string[], opts: JudgeOptions, jobs: number, visit: (r: FileReport) => void,
  beside: Beside = {}): Promise<void> {
  const script = workerScript();
  const workers = Math.min(jobs, files.length);
  const pooled = workers >= 2 && files.length >= MIN_FILES_FOR_POOL && script !== null;
  if (!pooled) beside.onStarted?.();
  const from = pooled ? await judgeOnWorkers(files, opts, workers, script, visit, beside) : 0;
  for (let i = from; i < files.length && beside.signal?.aborted !== true; i++) visit(await judgeFile(files[i] as string, opts));
}

/** What a caller doing other work beside the judging asks of judgeInOrder. */
export interface Beside {
  /**
   * Called once the first files are on their way to the workers (at once when they are judged in this thread). The
   * caller then works for a while without the event loop (reading last month): each worker gets EARLY_PER_WORKER files
   * first, enough not to run dry meanwhile.
   */
  readonly onStarted?: () => void;
  /** Stops the judging: no report is handed over after it, and no file is judged in this thread. */
  readonly signal?: AbortSignal;
}

/**
 * Files each worker gets first when the caller has work of its own: ~0.2 s of judging, more than it reads last month.
 * Beside the starting workers that read took longer in some runs, and they waited 76–116 ms for more; 400 files each
 * changed nothing measurable (national --previous, 10 pairs, 2026-12-04).
 */
const EARLY_PER_WORKER = 150;

/**
 * Runs the pool until every file is handed over (returns files.length), a worker fails (returns the index of the
 * first file not handed over; the caller judges the rest in this thread) or the caller stops it.
 */
async function judgeOnWorkers(files: readonly string[], opts: JudgeOptions, size: number, script: string, visit: (r: FileReport) => void,
  beside: Beside): Promise<number> {
  const workers: Worker[] = [];
  const busy = new Map<Worker, number>();
  const done = new Map<number, FileReport>();
  let dispatched = 0;
  let emitted = 0;
  let failed = false;
  let wake: (() => void) | null = null;
  const nudge = (): void => { const w = wake; wake = null; w?.(); };

  /** Hands over every report whose predecessors have all been handed over. */
  const flush = (): void => {
    for (let r = done.get(emitted); r !== undefined; r = done.get(emitted)) {
      done.delete(emitted);
      emitted++;
      visit(r);
    }
  };
  const pump = (perWorker = PER_WORKER, window = WINDOW): void => {
    for (const w of workers) {
      const reqs: JobRequest[] = [];
      while (dispatched < files.length && dispatched - emitted < window && (busy.get(w) ?? 0) < perWorker) {
        reqs.push({ index: dispatched, file: files[dispatched] as string, opts });
        busy.set(w, (busy.get(w) ?? 0) + 1);
        dispatched++;
      }
      if (reqs.length > 0) w.postMessage(reqs);
    }
  };

  for (let i = 0; i < size; i++) {
    const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    workers.push(w);
    busy.set(w, 0);
    w.on('message', (results: readonly JobResult[]) => {
      busy.set(w, (busy.get(w) ?? results.length) - results.length);
      for (const res of results) done.set(res.index, JSON.parse(res.report) as FileReport);
      nudge();
    });
    // Whatever went wrong, the files from the first not handed over on are judged again in this thread.
    w.on('error', () => { failed = true; nudge(); });
    w.on('exit', () => { failed = true; nudge(); });
  }
  const signal = beside.signal;
  const stopped = (): boolean => signal?.aborted === true;
  signal?.addEventListener('abort', nudge, { once: true });
  try {
    // The first files: more of them when the caller is about to be busy (see Beside), past the window this once.
    const first = beside.onStarted ? EARLY_PER_WORKER : PER_WORKER;
    pump(first, Math.max(WINDOW, first * size));
    beside.onStarted?.();
    while (!failed && emitted < files.length && !stopped()) {
      await new Promise<void>(resolve => { wake = resolve; });
      if (failed || stopped()) break;
      flush();
      pump();
    }
  } finally {
    signal?.removeEventListener('abort', nudge);
    // Waiting for the threads to end returns their heaps before the rollup builds its model.
    for (const w of workers) w.removeAllListeners('exit');
    await Promise.allSettled(workers.map(w => w.terminate()));
  }
  if (failed && !stopped()) flush();
  return emitted;
}
