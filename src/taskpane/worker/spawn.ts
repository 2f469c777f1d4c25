import type { WorkerLike } from './protocol';

/**
 * Starts a check worker. webpack 5 bundles `new Worker(new URL(…, import.meta.url))` as its own chunk; this is the
 * only line of the pane that needs ES module syntax, so it lives alone (tests replace this module).
 */
export function spawnCheckWorker(): WorkerLike {
  // eslint-disable-next-line @typescript-eslint/ban-ts-comment
  // @ts-ignore -- import.meta is ESM-only; the type-check config is CommonJS, webpack compiles this file as ESM.
  return new Worker(new URL('./check.worker.ts', import.meta.url)) as unknown as WorkerLike;
}
