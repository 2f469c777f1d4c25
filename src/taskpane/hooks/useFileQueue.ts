import { useEffect, useState, useSyncExternalStore } from 'react';
import { readWithProgress } from '../web/read-file';
import { FileQueue, type QueueItem } from '../worker/queue';
import { spawnCheckWorker } from '../worker/spawn';

function concurrency(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  // Leave a core to the UI (and to Excel) on the two-core PCs communes have.
  return Math.min(2, Math.max(1, cores - 1));
}

/** The rollup's file queue for the lifetime of the view; workers are terminated when it goes. */
export function useFileQueue(): { readonly queue: FileQueue; readonly items: readonly QueueItem[] } {
  const [queue] = useState(() => new FileQueue({ spawn: spawnCheckWorker, read: readWithProgress, concurrency: concurrency() }));
  useEffect(() => () => queue.dispose(), [queue]);
  const items = useSyncExternalStore(l => queue.subscribe(l), () => queue.items);
  return { queue, items };
}
