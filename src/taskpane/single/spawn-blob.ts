import type { WorkerLike } from '../worker/protocol';

/** The check worker's bundled code, put here as a string by webpack.single.config.js (DefinePlugin). */
declare const __CHECK_WORKER_SOURCE__: string;

let url: string | null = null;

/**
 * The single-file page's check worker. A page opened from disk (file://, origin "null") may not start a worker
 * from a file URL ("Failed to construct 'Worker' … origin 'null'"), but it may from a Blob URL it made itself
 * (https://html.spec.whatwg.org/multipage/workers.html#dom-worker). The URL is made once and kept, since the
 * queue spawns a fresh worker whenever one is cancelled.
 */
export function spawnCheckWorker(): WorkerLike {
  url ??= URL.createObjectURL(new Blob([__CHECK_WORKER_SOURCE__], { type: 'text/javascript' }));
  return new Worker(url) as unknown as WorkerLike;
}
